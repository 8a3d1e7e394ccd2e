// mina.admin.key.list: the caller keys, without their secrets.
import { defineInterface } from '../../dispatch/interface.js';
import { listKeys } from '../../services/keys.js';

export default defineInterface<Record<string, never>>({
  access: 'admin',
  summary: 'List caller keys (never their secrets).',
  schema: { type: 'object', required: [], additionalProperties: false },
  messages: ['KEY_LIST'],
  returns: '`[{key_id, name, scopes, expires_at, revoked_at, created_at}]`.',
  errors: [2001, 2002],
  example: {},
  async handle(deps) {
    return { message: 'KEY_LIST', data: await listKeys(deps.store.db) };
  },
});
