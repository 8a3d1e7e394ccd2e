// npm run docs: writes the generated docs, db/schema.sql and the para validators.
import { mkdirSync, writeFileSync } from 'node:fs';
import { renderErrors, renderInterfaces, renderSchema, renderValidators } from './docs.js';

mkdirSync('docs', { recursive: true });
mkdirSync('db', { recursive: true });
writeFileSync('docs/interfaces.md', renderInterfaces());
writeFileSync('docs/errors.md', renderErrors());
writeFileSync('db/schema.sql', await renderSchema());
writeFileSync('src/dispatch/validators.generated.ts', renderValidators());
process.stdout.write('wrote docs/interfaces.md, docs/errors.md, db/schema.sql, src/dispatch/validators.generated.ts\n');
