// Renders docs/interfaces.md, docs/errors.md, db/schema.sql and src/dispatch/validators.generated.ts from the code;
// test/docs.test.ts fails when they drift.
import { Ajv, type Options } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { transformSync } from 'esbuild';
import { createRequire } from 'node:module';
import { Kysely, MysqlAdapter, MysqlIntrospector, MysqlQueryCompiler, type DatabaseConnection, type Driver } from 'kysely';
import { CODES, type Code } from '../src/dispatch/codes.js';
import { registry } from '../src/dispatch/registry.js';
import { MIGRATIONS } from '../src/store/migrations/index.js';

const ENVELOPE_CODES: Code[] = [1000, 1001, 1002, 1003, 1009, 1010, 1011];
const HEADER = (source: string) => `<!-- Generated from ${source} by \`npm run docs\`. Do not edit: a test fails when this file and the code drift. -->\n`;

const codeLink = (c: Code) => `[${c}](errors.md#${c}) \`${CODES[c].message}\``;

export function renderInterfaces(): string {
  const out = [HEADER('src/dispatch/registry.ts and the handlers in src/handlers/'), '# Interfaces', '',
    'Every call is `POST /mina_auth` (or the app-bound `POST /mina_auth/<appid>`) with the body',
    '`{"version":1,"componentName":"MA","interface":{"interfaceName":"…","para":{…}}}` and answers HTTP 200 with',
    '`{"returnCode","returnMessage","returnData","version":1,"componentName":"MA","requestId"}` (+ `detail` on errors, where `returnData` is `""`).',
    `Besides the codes listed per interface, any call may answer ${ENVELOPE_CODES.map(codeLink).join(', ')}.`,
    'A `para` key whose value is `null` counts as missing; unknown keys are refused (1003); types are never coerced.',
    'Privileged and admin interfaces need a caller key (`Authorization: Bearer mak_…` or `X-Mina-Key`, see `mina-auth key create`):',
    'without a valid key they answer 2001, with a key whose scopes miss the interface or its resource 2002.', ''];
  out.push('| interface | class | success `returnMessage` |', '|---|---|---|');
  for (const [name, def] of Object.entries(registry)) {
    out.push(`| [\`${name}\`](#${name.replace(/\./g, '')}) | ${def.access} | ${def.messages.map((m) => `\`${m}\``).join(', ') || '—'} |`);
  }
  for (const [name, def] of Object.entries(registry)) {
    out.push('', `## ${name}`, '', `Class: **${def.access}**. ${def.summary}`, '');
    const props = Object.entries(def.schema.properties ?? {});
    if (props.length) {
      out.push('| para | type | required | meaning |', '|---|---|---|---|');
      for (const [key, schema] of props) {
        out.push(`| \`${key}\` | ${schema.type ?? 'any'} | ${def.schema.required?.includes(key) ? 'yes' : 'no'} | ${schema.description ?? ''} |`);
      }
    } else {
      out.push('`para`: any object.');
    }
    out.push('', `Returns: ${def.returns}`, '', `Return codes: ${def.errors.map(codeLink).join(', ')}.`);
    if (def.example) {
      const key = def.access === 'privileged' || def.access === 'admin' ? ` -H 'Authorization: Bearer mak_<key_id>_<secret>'` : '';
      const body = JSON.stringify({ version: 1, componentName: 'MA', interface: { interfaceName: name, para: def.example } });
      out.push('', '```sh', `curl -s -X POST https://<gateway>/mina_auth${key} \\`, `  -d '${body}'`, '```');
    }
  }
  return out.join('\n') + '\n';
}

export function renderErrors(): string {
  const out = [HEADER('src/dispatch/codes.ts'), '# Return codes', '',
    'The closed set of `returnCode`s (PROTOCOL §3). Every protocol answer is HTTP 200 except 2007 (413) and 2008 (405).',
    'On errors `returnData` is `""` and `detail` explains, in plain English, what went wrong (never a secret).', '',
    '| code | returnMessage | when |', '|---|---|---|'];
  for (const [code, { message, when }] of Object.entries(CODES)) out.push(`| <a id="${code}"></a>${code} | \`${message}\` | ${when} |`);
  return out.join('\n') + '\n';
}

/** The MySQL DDL of every migration, compiled by kysely without a database. */
export async function renderSchema(): Promise<string> {
  const statements: string[] = [];
  const connection: DatabaseConnection = {
    async executeQuery(q) { statements.push(q.sql); return { rows: [] }; },
    async *streamQuery() { /* never used by migrations */ },
  };
  const driver: Driver = {
    async init() {}, async acquireConnection() { return connection; }, async beginTransaction() {},
    async commitTransaction() {}, async rollbackTransaction() {}, async releaseConnection() {}, async destroy() {},
  };
  const db = new Kysely<unknown>({ dialect: {
    createAdapter: () => new MysqlAdapter(), createDriver: () => driver,
    createIntrospector: (k) => new MysqlIntrospector(k), createQueryCompiler: () => new MysqlQueryCompiler(),
  } });
  const out = ['-- Generated from src/store/migrations/ by `npm run docs`. Do not edit: a test fails when this file and the migrations drift.',
    '-- The MySQL/MariaDB schema after every migration; apply it with `mina-auth migrate`, which also records the versions.', ''];
  for (const [name, migration] of Object.entries(MIGRATIONS)) {
    statements.length = 0;
    await migration.up(db, 'mysql');
    out.push(`-- ${name}`, ...statements.map((s) => s + ';'), '');
  }
  await db.destroy();
  return out.join('\n');
}

/** How every para schema is applied: no coercion, no defaults, unknown keys refused, strict about the schema itself. */
export const AJV_OPTIONS: Options = { allErrors: false, coerceTypes: false, useDefaults: false, removeAdditional: false, strict: true };

/**
 * ajv's standalone code for every interface's para schema, as one module: the gateway compiles no schema at run time
 * (compiling one cost a cold start ~5 ms, and ajv's own set-up as much again). The one helper of ajv's that the code
 * calls, the length of a string in code points (minLength, maxLength), is written into the module from ajv's source.
 */
export function renderValidators(): string {
  // One validator per distinct schema object: interfaces share some, and ajv's standalone code would repeat the
  // function it compiled once for two names.
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  const idOf = new Map<object, string>();
  for (const def of Object.values(registry)) {
    if (idOf.has(def.schema)) continue;
    const id = `v${idOf.size}`;
    ajv.addSchema(def.schema, id);
    idOf.set(def.schema, id);
  }
  const UCS2LENGTH = 'require("ajv/dist/runtime/ucs2length").default';
  const code = standaloneCode(ajv, Object.fromEntries([...idOf.values()].map((id) => [id, id])))
    .replace(/^"use strict";/, '').replace(/export const (v\d+) = /g, 'const $1 = ');
  if (code.split(UCS2LENGTH).length !== 2 || code.replace(UCS2LENGTH, '').includes('require(')) {
    throw new Error('renderValidators: ajv\'s standalone code needs other helpers than ucs2length: write them in here too');
  }
  const length = createRequire(import.meta.url)('ajv/dist/runtime/ucs2length').default as (s: string) => number;
  return [
    '// Generated from the para schemas of src/dispatch/registry.ts by `npm run docs` (scripts/docs.ts): ajv\'s standalone',
    '// validators. Do not edit: a test fails when this file and the schemas drift.',
    '// @ts-nocheck',
    "import type { ValidateFunction } from 'ajv';",
    '',
    transformSync(code.replace(UCS2LENGTH, `(${length.toString()})`), { loader: 'js', format: 'esm' }).code.trimEnd(),
    '',
    'export const validators: Readonly<Record<string, ValidateFunction>> = {',
    ...Object.entries(registry).map(([name, def]) => `  ${JSON.stringify(name)}: ${idOf.get(def.schema)},`),
    '};',
    '',
  ].join('\n');
}
