// The ordered list of migrations. Append only; never edit one that has shipped.
import { m0001 } from './0001_sessions.js';
import { m0002 } from './0002_credentials.js';
import { m0003 } from './0003_audit.js';
import type { Migration } from './util.js';

export const MIGRATIONS: Record<string, Migration> = {
  '0001_sessions': m0001,
  '0002_credentials': m0002,
  '0003_audit': m0003,
};
