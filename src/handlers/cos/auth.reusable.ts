// qcloud.cos.auth.reusable (deprecated): the legacy COS v4 multi-use signature, as the WaferOnSCF fork made it.
import { defineInterface } from '../../dispatch/interface.js';
import { v4FileId, v4Random, v4Signature } from '../../services/cos.js';
import { V4_FIELDS, V4_ERRORS_NOTE, v4VectorNote, type V4Para } from './v4.js';

interface Para extends V4Para { expiration: number; filepath?: string }

export default defineInterface<Para>({
  access: 'public',
  summary: '**Deprecated** — for old callers of the WaferOnSCF fork only; new code should use `qcloud.cos.sign` (v4 signatures only work with the retired COS JSON API). The COS v4 multi-use (多次有效) signature, computed as cos-php-sdk-v4 did, with the caller\'s own SecretId (`sid`) and SecretKey (`skey`, never stored or logged): plain = `a=<appid>&b=<bucket>&k=<sid>&e=<expiration>&t=<now>&r=<random 0…2147483647>&f=<f>`, where f = rawurlencode(`/<appid>/<bucket>/<filepath>`) with `%2F` turned back into `/`, or empty without a `filepath`; the signature is base64(HMAC-SHA1(skey, plain) ‖ plain). Call it on `/mina_auth` (here `appid` is the Tencent Cloud APPID, not a mini program). ' + V4_ERRORS_NOTE,
  schema: {
    type: 'object',
    properties: {
      ...V4_FIELDS,
      expiration: { type: 'integer', minimum: 0, maximum: 9999999999, description: '`e`: when the signature expires (Unix seconds), as given.' },
      filepath: { type: 'string', maxLength: 1024, pattern: '^[^\\x00-\\x1f\\x7f]*$', nullable: true, description: 'Binds the signature to this file (`/` is prepended when missing); absent or `""`: the whole bucket.' },
    },
    required: ['appid', 'sid', 'skey', 'bucket', 'expiration'],
    additionalProperties: false,
  },
  messages: ['OK'],
  returns: `the signature string (base64). ${v4VectorNote(', expiration \`1700003600\`')} → \`Pg5wDy7VjVeh58fzsBE89Q8okyhhPTEyNTAwMDAwMDAmYj1leGFtcGxlYnVja2V0Jms9QUtJREVYQU1QTEUmZT0xNzAwMDAzNjAwJnQ9MTcwMDAwMDAwMCZyPTEyMzQ1Njc4OSZmPS8xMjUwMDAwMDAwL2V4YW1wbGVidWNrZXQvZGlyL2ElMjBiJTJCJTI4MSUyOS5qcGc=\`; the same without \`filepath\` → \`j/X+XTkDPGVZ6QZBcoC/lad3S2NhPTEyNTAwMDAwMDAmYj1leGFtcGxlYnVja2V0Jms9QUtJREVYQU1QTEUmZT0xNzAwMDAzNjAwJnQ9MTcwMDAwMDAwMCZyPTEyMzQ1Njc4OSZmPQ==\`.`,
  errors: [1003],
  example: { appid: '1250000000', sid: 'AKIDEXAMPLE', skey: 'EXAMPLEKEY', bucket: 'examplebucket', expiration: 1700003600, filepath: '/dir/a b+(1).jpg' },
  async handle(deps, para) {
    const fileId = v4FileId(para.appid, para.bucket, para.filepath, true);
    const sign = v4Signature({ appid: para.appid, bucket: para.bucket, secretId: para.sid, secretKey: para.skey, expiration: para.expiration, fileId }, deps.clock.now(), v4Random());
    return { message: 'OK', data: sign };
  },
});
