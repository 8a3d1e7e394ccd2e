// Generated docs and schema stay in step with the code; the registry is complete.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { createConnection } from 'mysql2/promise';
import { CODES } from '../src/dispatch/codes.js';
import { registry } from '../src/dispatch/registry.js';
import { validatePara } from '../src/dispatch/validate.js';
import { migrate, openStore } from '../src/store/db.js';
import { AJV_OPTIONS, renderErrors, renderInterfaces, renderSchema, renderValidators } from '../scripts/docs.js';
import { createTestDatabase, DIALECTS } from './helpers/db.js';

const fix = 'run `npm run docs` and commit the result';

describe('generated files', () => {
  it(`docs/interfaces.md matches the registry (${fix})`, () => {
    expect(readFileSync('docs/interfaces.md', 'utf8')).toBe(renderInterfaces());
  });
  it(`docs/errors.md matches the code table (${fix})`, () => {
    expect(readFileSync('docs/errors.md', 'utf8')).toBe(renderErrors());
  });
  it(`db/schema.sql matches the migrations (${fix})`, async () => {
    expect(readFileSync('db/schema.sql', 'utf8')).toBe(await renderSchema());
  });
  it(`src/dispatch/validators.generated.ts matches the para schemas (${fix})`, () => {
    expect(readFileSync('src/dispatch/validators.generated.ts', 'utf8')).toBe(renderValidators());
  });
});

describe('the registry', () => {
  const tests = (function walk(dir: string): string {
    return readdirSync(dir, { withFileTypes: true }).map((e) => e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.test.ts') && e.name !== 'docs.test.ts' ? readFileSync(join(dir, e.name), 'utf8') : '').join('\n');
  })('test');
  for (const [name, def] of Object.entries(registry)) {
    it(`${name} is complete: schema, class, docs, codes, a test`, () => {
      expect(['public', 'session', 'privileged', 'admin']).toContain(def.access);
      expect((def.schema as { type?: string }).type).toBe('object');
      if (name !== 'qcloud.cam.initdata') expect((def.schema as { additionalProperties?: boolean }).additionalProperties).toBe(false);
      for (const code of def.errors) expect(Object.keys(CODES)).toContain(String(code));
      expect(renderInterfaces()).toContain(`## ${name}\n`);
      expect(tests, `no test mentions ${name}`).toContain(`'${name}'`);
      if (def.access === 'privileged' || def.access === 'admin') expect(def.example, 'privileged and admin interfaces document a curl example').toBeDefined();
      if (def.example) expect(validatePara(name, def.example), 'the documented example passes the schema').toBeNull();
      // Each schema on its own against the meta-schema, strictly (the generator checks them all at once too).
      expect(() => new Ajv({ ...AJV_OPTIONS, validateSchema: true }).compile(def.schema)).not.toThrow();
    });
  }
});

describe.runIf(DIALECTS.includes('mysql'))('db/schema.sql on MariaDB', () => {
  it('creates the same tables and columns as the migrations', async () => {
    const [viaSql, viaMigrations] = await Promise.all([createTestDatabase('mysql'), createTestDatabase('mysql')]);
    try {
      const c = await createConnection({ uri: viaSql.url, multipleStatements: true });
      await c.query(readFileSync('db/schema.sql', 'utf8'));
      const store = openStore(viaMigrations.url);
      await migrate(store);
      await store.close();
      const columns = async (url: string) => {
        const [rows] = await c.query(
          'SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME NOT LIKE ? ORDER BY TABLE_NAME, ORDINAL_POSITION',
          [new URL(url).pathname.slice(1), 'schema_migrations%']);
        return rows;
      };
      const expected = await columns(viaMigrations.url);
      expect(await columns(viaSql.url)).toEqual(expected);
      expect((expected as { COLLATION_NAME: string | null }[]).filter((r) => r.COLLATION_NAME).every((r) => r.COLLATION_NAME === 'utf8mb4_bin')).toBe(true);
      await c.end();
    } finally {
      await viaSql.drop();
      await viaMigrations.drop();
    }
  });
});
