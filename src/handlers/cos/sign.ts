// qcloud.cos.sign: a COS XML-API (v5) request signature for the session's user, under the app's COS profile.
import { GatewayError } from '../../dispatch/codes.js';
import { defineInterface } from '../../dispatch/interface.js';
import { appid, optional, sessionId, skey } from '../../dispatch/schemas.js';
import { openCosProfile, requireApp, type CosMethod } from '../../services/apps.js';
import { signCosRequest } from '../../services/cos.js';
import { requireSession } from '../../services/sessions.js';

interface Para { id: string; skey: string; appid?: string; key: string; method?: CosMethod; expires?: number; content_type?: string; content_length?: number }

export default defineInterface<Para>({
  access: 'session',
  summary: "Sign one COS request (XML API v5, `q-sign-algorithm=sha1&…`) for the session's user, with the bucket, region and keys of the app's COS profile (set by `mina-auth app cos` or `mina.admin.app.put` `cos`; the keys never leave the gateway). `key` must lie under the profile's prefix with `{openid}` (and `{appid}`) filled in — default `users/{openid}/`; `..`, `.` and empty segments, a leading `/`, backslashes, control characters and percent-encoded `.`, `/`, `\\`, `%` are refused. `method` must be one of the profile's methods (default PUT); `expires` at most its `max_expires` (default 600, or `max_expires` if smaller). `content_type` and `content_length` (at most `max_size`) are signed as headers when given — the upload must then send exactly them — and a profile with `require_content` requires both for PUT and POST. The `host` header is always signed, so `authorization` works as the `Authorization` header of a request to `https://<bucket>.cos.<region>.myqcloud.com/<key>` and as the query string of `url`.",
  schema: {
    type: 'object',
    properties: {
      id: sessionId, skey, appid: optional(appid),
      key: { type: 'string', minLength: 1, maxLength: 850, description: 'The object key, relative (no leading `/`), under the profile\'s prefix, e.g. `users/<openid>/avatar.jpg`.' },
      method: { type: 'string', enum: ['GET', 'PUT', 'HEAD', 'POST', 'DELETE'], nullable: true, description: 'The HTTP method to sign, one of the profile\'s methods (default `PUT`).' },
      expires: { type: 'integer', minimum: 1, maximum: 604800, nullable: true, description: 'Lifetime of the signature in seconds, at most the profile\'s `max_expires` (default 600).' },
      content_type: { type: 'string', pattern: '^[\\x20-\\x7e]{1,256}$', nullable: true, description: 'The `Content-Type` the request will send; signed when given.' },
      content_length: { type: 'integer', minimum: 0, maximum: 5368709120, nullable: true, description: 'The `Content-Length` in bytes the request will send (at most the profile\'s `max_size`); signed when given.' },
    },
    required: ['id', 'skey', 'key'],
    additionalProperties: false,
  },
  messages: ['SIGN_SUCCESS'],
  returns: '`{authorization, bucket, region, key, url, expires_at}`: `authorization` is the `q-sign-algorithm=sha1&q-ak=…&q-sign-time=<now>;<expires_at>&q-key-time=…&q-header-list=…&q-url-param-list=&q-signature=…` string; `url` = `https://<bucket>.cos.<region>.myqcloud.com/<key, URL-encoded per segment>?<authorization>`; `expires_at` = the end of the signature\'s validity (Unix seconds).',
  errors: [60012, 1012, 2003],
  example: { id: '6d7bdfd009ea5a65a0ae3d68ae925004', skey: '78e303e9a699126dc83f3bfd37b8ba6c', key: 'users/oGZUI0egBJY1zhBYw2KhdUfwVJJE/avatar.jpg', method: 'PUT', expires: 600, content_type: 'image/jpeg', content_length: 48213 },
  async handle(deps, para, ctx) {
    const session = await requireSession(deps, para.id, para.skey, ctx.appid);
    const app = await requireApp(deps, session.appid);
    const profile = openCosProfile(deps.box, app);
    if (!profile) throw new GatewayError(1003, 'no COS profile for this app: set one with `mina-auth app cos` or mina.admin.app.put');
    const signed = await signCosRequest(profile, { appid: session.appid, openid: session.openid }, para, deps.clock.now());
    return { message: 'SIGN_SUCCESS', data: signed };
  },
});
