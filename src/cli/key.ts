// mina-auth key create|list|revoke: caller keys for privileged and admin interfaces (shown once, stored hashed).
import { parseArgs } from 'node:util';
import { systemClock } from '../clock.js';
import { createKey, listKeys, revokeKey, scopeProblem } from '../services/keys.js';
import { CliError, configFrom, STORE_FLAGS, STORE_HELP, withStore } from './common.js';

export const help = `usage:
  mina-auth key create --name NAME --scope SCOPE [--scope SCOPE …] [--expires-in DAYS]
  mina-auth key list [--json]
  mina-auth key revoke KEY_ID
A key is printed once (mak_<key_id>_<secret>); only its SHA-256 is stored. A scope is "admin" (the admin
interfaces), or interfacePattern:resourcePattern with * globs, the resource being an appid or corpid/agentid:
  --scope 'qcloud.mimi.access_token:wx0123456789abcdef'   --scope 'qcloud.work.*:ww99/1000002'
Globs never grant admin.
${STORE_HELP}`;

const OPTIONS = { ...STORE_FLAGS, name: { type: 'string' }, scope: { type: 'string', multiple: true }, 'expires-in': { type: 'string' }, json: { type: 'boolean' } } as const;

export async function run(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true });
  const [action, keyId, ...rest] = positionals;
  if (values.help || !action) return out(help);
  if (rest.length) throw new CliError(`unexpected argument "${rest[0]}"`);
  if (!['create', 'list', 'revoke'].includes(action)) throw new CliError(`unknown action "key ${action}" (create, list, revoke)`);
  await withStore(configFrom(values).databaseUrl, async (store) => {
    const now = systemClock.now();
    if (action === 'create') {
      const scopes = values.scope ?? [];
      if (!values.name) throw new CliError('key create needs --name NAME');
      if (!scopes.length) throw new CliError('key create needs at least one --scope');
      for (const s of scopes) { const problem = scopeProblem(s); if (problem) throw new CliError(problem); }
      const days = values['expires-in'];
      if (days !== undefined && !/^\d{1,5}$/.test(days)) throw new CliError('--expires-in takes a whole number of days');
      const { key } = await createKey(store.db, now, { name: values.name, scopes, expires_at: days === undefined ? null : now + Number(days) * 86400 });
      return out(key);
    }
    if (action === 'list') {
      const keys = await listKeys(store.db);
      if (values.json) return out(JSON.stringify(keys));
      if (!keys.length) return out('no caller keys');
      for (const k of keys) {
        const state = k.revoked_at !== null ? 'revoked' : k.expires_at !== null && now >= k.expires_at ? 'expired' : 'live';
        out(`${k.key_id}  ${state}  ${k.name}  ${k.scopes.join(' ')}`);
      }
      return;
    }
    if (!keyId || !/^[a-z0-9]{8,16}$/.test(keyId)) throw new CliError('key revoke needs a KEY_ID');
    if (!(await revokeKey(store.db, keyId, now))) throw new CliError(`no live caller key ${keyId}`);
    out(`revoked ${keyId}`);
  });
}
