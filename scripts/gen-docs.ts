// npm run docs: writes the generated docs and db/schema.sql.
import { mkdirSync, writeFileSync } from 'node:fs';
import { renderErrors, renderInterfaces, renderSchema } from './docs.js';

mkdirSync('docs', { recursive: true });
mkdirSync('db', { recursive: true });
writeFileSync('docs/interfaces.md', renderInterfaces());
writeFileSync('docs/errors.md', renderErrors());
writeFileSync('db/schema.sql', await renderSchema());
process.stdout.write('wrote docs/interfaces.md, docs/errors.md, db/schema.sql\n');
