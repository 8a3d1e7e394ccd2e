// mina.admin.key.revoke: a caller key stops working at once.
import { GatewayError } from '../../dispatch/codes.js';
import { defineInterface } from '../../dispatch/interface.js';
import { keyId } from '../../dispatch/schemas.js';
import { actorOf, audit } from '../../services/audit.js';
import { forgetCallerKey, revokeKey } from '../../services/keys.js';

interface Para { key_id: string }

export default defineInterface<Para>({
  access: 'admin',
  summary: 'Revoke a caller key; it stops working at once on the gateway process that answers, and within 2 s on every other (each keeps the keys it read for at most 2 s).',
  schema: {
    type: 'object',
    properties: { key_id: { ...keyId, description: 'The key to revoke.' } },
    required: ['key_id'],
    additionalProperties: false,
  },
  messages: ['KEY_REVOKED'],
  returns: '`{key_id, revoked: true}`.',
  errors: [2001, 2002],
  example: { key_id: '0123456789abcdef' },
  async handle(deps, para, ctx) {
    const revoked = await revokeKey(deps.store.db, para.key_id, deps.clock.now());
    forgetCallerKey(deps, para.key_id);
    await audit(deps, { actor: actorOf(ctx.caller), action: 'key.revoke', target: para.key_id, result: revoked ? 'ok' : 'not_found' });
    if (!revoked) {
      throw new GatewayError(1003, `no live caller key ${para.key_id}`);
    }
    return { message: 'KEY_REVOKED', data: { key_id: para.key_id, revoked: true } };
  },
});
