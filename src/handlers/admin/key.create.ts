// mina.admin.key.create: a new caller key, shown once.
import { GatewayError } from '../../dispatch/codes.js';
import { defineInterface } from '../../dispatch/interface.js';
import { actorOf, audit } from '../../services/audit.js';
import { createKey, scopeProblem } from '../../services/keys.js';

interface Para { name: string; scopes: string[]; expires_at?: number }

export default defineInterface<Para>({
  access: 'admin',
  summary: 'Create a caller key. The key is returned once and only its SHA-256 is stored. Scopes: `admin`, or `interfacePattern:resourcePattern` with `*` globs over the interface name and the resource (an appid, or `corpid/agentid`); globs never grant admin.',
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 128, description: 'Who holds the key (for key lists and logs).' },
      scopes: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, minItems: 1, maxItems: 100, description: 'What the key may call.' },
      expires_at: { type: 'integer', minimum: 0, nullable: true, description: 'Unix time after which the key stops working.' },
    },
    required: ['name', 'scopes'],
    additionalProperties: false,
  },
  messages: ['KEY_CREATED'],
  returns: '`{key_id, key}`; `key` (`mak_<key_id>_<secret>`) is shown only here.',
  errors: [2001, 2002],
  example: { name: 'order-service', scopes: ['qcloud.mimi.access_token:wx0123456789abcdef'] },
  async handle(deps, para, ctx) {
    for (const scope of para.scopes) {
      const problem = scopeProblem(scope);
      if (problem) throw new GatewayError(1003, `para.scopes: ${problem}`);
    }
    const data = await createKey(deps.store.db, deps.clock.now(), { name: para.name, scopes: para.scopes, expires_at: para.expires_at ?? null });
    // The new key's id, name and scopes; never the key.
    await audit(deps, { actor: actorOf(ctx.caller), action: 'key.create', target: data.key_id, result: 'ok', detail: `name: ${para.name}; scopes: ${para.scopes.join(' ')}` });
    return { message: 'KEY_CREATED', data };
  },
});
