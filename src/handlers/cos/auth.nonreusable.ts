// qcloud.cos.auth.nonreusable (deprecated): the legacy COS v4 single-use signature, as the WaferOnSCF fork made it.
import { defineInterface } from '../../dispatch/interface.js';
import { v4FileId, v4Random, v4Signature } from '../../services/cos.js';
import { V4_FIELDS, V4_ERRORS_NOTE, v4VectorNote, type V4Para } from './v4.js';

interface Para extends V4Para { filepath: string }

export default defineInterface<Para>({
  access: 'public',
  summary: '**Deprecated** — for old callers of the WaferOnSCF fork only; new code should use `qcloud.cos.sign` (v4 signatures only work with the retired COS JSON API). The COS v4 single-use (单次有效) signature for one file (update, delete), computed as cos-php-sdk-v4 did, with the caller\'s own SecretId (`sid`) and SecretKey (`skey`, never stored or logged): plain = `a=<appid>&b=<bucket>&k=<sid>&e=0&t=<now>&r=<random 0…2147483647>&f=<f>`, f = rawurlencode(`/<appid>/<bucket>/<filepath>`) with `%2F` turned back into `/`; the signature is base64(HMAC-SHA1(skey, plain) ‖ plain). Call it on `/mina_auth` (here `appid` is the Tencent Cloud APPID, not a mini program). ' + V4_ERRORS_NOTE,
  schema: {
    type: 'object',
    properties: {
      ...V4_FIELDS,
      filepath: { type: 'string', maxLength: 1024, pattern: '^[^\\x00-\\x1f\\x7f]*$', description: 'The file the signature is bound to (`/` is prepended when missing).' },
    },
    required: ['appid', 'sid', 'skey', 'bucket', 'filepath'],
    additionalProperties: false,
  },
  messages: ['OK'],
  returns: `the signature string (base64). ${v4VectorNote(', e \`0\`')} → \`eF87OxOkPkgGYuy2Dy4Ne3jtpuRhPTEyNTAwMDAwMDAmYj1leGFtcGxlYnVja2V0Jms9QUtJREVYQU1QTEUmZT0wJnQ9MTcwMDAwMDAwMCZyPTEyMzQ1Njc4OSZmPS8xMjUwMDAwMDAwL2V4YW1wbGVidWNrZXQvZGlyL2ElMjBiJTJCJTI4MSUyOS5qcGc=\`.`,
  errors: [1003],
  example: { appid: '1250000000', sid: 'AKIDEXAMPLE', skey: 'EXAMPLEKEY', bucket: 'examplebucket', filepath: '/dir/a b+(1).jpg' },
  async handle(deps, para) {
    const fileId = v4FileId(para.appid, para.bucket, para.filepath, false);
    const sign = v4Signature({ appid: para.appid, bucket: para.bucket, secretId: para.sid, secretKey: para.skey, expiration: 0, fileId }, deps.clock.now(), v4Random());
    return { message: 'OK', data: sign };
  },
});
