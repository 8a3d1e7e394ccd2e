// mina.admin.app.put: register an app, or change some of its settings, its secret or its COS profile.
import type { JSONSchemaType } from 'ajv';
import { defineInterface } from '../../dispatch/interface.js';
import { appid, secretText } from '../../dispatch/schemas.js';
import { actorOf, audit } from '../../services/audit.js';
import { appView, forgetApp, updateApp, type AppChanges, type CosInput } from '../../services/apps.js';

const int = (minimum: number, maximum: number, description: string) => ({ type: 'integer', minimum, maximum, nullable: true, description } as const);
const secret = { ...secretText, description: '' } as const;

const cos: JSONSchemaType<CosInput> = {
  type: 'object',
  properties: {
    bucket: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,49}-[0-9]{5,12}$' },
    region: { type: 'string', pattern: '^[a-z]{2,8}(-[a-z0-9]{1,32}){1,3}$' },
    secret_id: { type: 'string', pattern: '^[A-Za-z0-9]{8,128}$' },
    secret_key: { type: 'string', pattern: '^[\\x21-\\x7e]{8,256}$' },
    // Relative, no `..`, no `//`; `{openid}` and `{appid}` are the only placeholders.
    prefix: { type: 'string', pattern: '^(?!/)(?!.*\\.\\.)(?!.*//)(?:[A-Za-z0-9_.!*\'()/-]|\\{openid\\}|\\{appid\\}){1,256}$', nullable: true },
    methods: { type: 'array', items: { type: 'string', enum: ['GET', 'PUT', 'HEAD', 'POST', 'DELETE'] }, minItems: 1, maxItems: 5, uniqueItems: true, nullable: true },
    max_expires: { type: 'integer', minimum: 1, maximum: 604800, nullable: true },
    max_size: { type: 'integer', minimum: 1, maximum: 5368709120, nullable: true },
    require_content: { type: 'boolean', nullable: true },
  },
  required: ['bucket', 'region', 'secret_id', 'secret_key'],
  additionalProperties: false,
};

export default defineInterface<AppChanges>({
  access: 'admin',
  summary: 'Register an app, or change an existing one: only the given fields change. `secret` and `type` are required for a new app only. A changed secret makes the gateway forget the app\'s cached access token and tickets. The answer never contains a secret.',
  schema: {
    type: 'object',
    properties: {
      appid: { ...appid, description: 'The app (mini program or Official Account appid).' },
      secret: { ...secret, nullable: true, description: 'The AppSecret (required for a new app); stored sealed, never shown again.' },
      type: { type: 'string', enum: ['miniprogram', 'official_account'], nullable: true, description: '`"miniprogram"` or `"official_account"` (required for a new app).' },
      login_duration: int(1, 3650, 'Absolute session lifetime in days since login (default 30).'),
      session_duration: int(1, 315360000, 'Idle session lifetime in seconds (default 2592000).'),
      max_sessions: int(1, 1000, 'Live sessions per user; the oldest go first (default 20).'),
      token_api: { type: 'string', enum: ['stable', 'classic'], nullable: true, description: 'Access tokens from `"stable"` (`/cgi-bin/stable_token`, default) or `"classic"` (`/cgi-bin/token`).' },
      watermark_max_age: int(0, 315360000, 'Oldest accepted open-data watermark in seconds; 0 = unchecked (default 86400).'),
      // ajv refuses `nullable` without `type`, which JSONSchemaType demands of an optional field; null never gets here (dispatch drops it).
      cos: {
        oneOf: [cos, { type: 'boolean', const: false }],
        description: 'An object or `false`: the COS profile `{bucket, region, secret_id, secret_key, prefix?, methods?, max_expires?, max_size?, require_content?}` for `qcloud.cos.sign` (it replaces the whole profile; stored sealed), or `false` to remove it. Defaults: prefix `users/{openid}/`, methods `["PUT","GET","HEAD"]`, max_expires 3600 s, no max_size, require_content false. bucket like `name-1250000000`, region like `ap-guangzhou`.',
      } as unknown as JSONSchemaType<CosInput | false> & { nullable: true },
    },
    required: ['appid'],
    additionalProperties: false,
  },
  messages: ['APP_CREATED', 'APP_UPDATED'],
  returns: 'the app: `{appid, type, login_duration, session_duration, max_sessions, token_api, watermark_max_age, cos, created_at, updated_at}`; `cos` is `{bucket, region, prefix, methods, max_expires, max_size, require_content}` or `null` (never a secret, secret_id or secret_key).',
  errors: [2001, 2002],
  example: { appid: 'wx0123456789abcdef', type: 'miniprogram', secret: '0123456789abcdef0123456789abcdef', max_sessions: 5 },
  async handle(deps, para, ctx) {
    const { created, app } = await updateApp(deps.store.db, deps.box, deps.clock.now(), para);
    forgetApp(deps, para.appid);
    // Which fields were given, never their values.
    const fields = Object.keys(para).filter((k) => k !== 'appid').sort().join(',');
    await audit(deps, { actor: actorOf(ctx.caller), action: 'app.put', target: para.appid, result: created ? 'created' : 'updated', detail: fields ? `fields: ${fields}` : null });
    return { message: created ? 'APP_CREATED' : 'APP_UPDATED', data: appView(deps.box, app) };
  },
});
