// What the two legacy COS v4 interfaces share: their credential fields and the documented test vector.
import { secretText } from '../../dispatch/schemas.js';

export interface V4Para { appid: string; sid: string; skey: string; bucket: string }

// Written into the plain text unencoded, so none of them may hold `&` or `=`.
export const V4_FIELDS = {
  appid: { type: 'string', pattern: '^[0-9]{1,20}$', description: 'The Tencent Cloud APPID (`a`), e.g. `1250000000`.' },
  sid: { type: 'string', pattern: '^[A-Za-z0-9]{1,128}$', description: 'Your COS SecretId (`k`).' },
  skey: { ...secretText, description: 'Your COS SecretKey: signs, and is never stored, logged or returned.' },
  bucket: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$', description: 'The short bucket name, without `-<appid>` (`b`).' },
} as const;

/** The test vector's inputs, for the docs (test/cos-v4.test.ts computes the signatures independently). */
export const v4VectorNote = (extra: string) =>
  `Test vector: appid \`1250000000\`, bucket \`examplebucket\`, sid \`AKIDEXAMPLE\`, skey \`EXAMPLEKEY\`, t \`1700000000\`, r \`123456789\`${extra}, filepath \`/dir/a b+(1).jpg\` (f = \`/1250000000/examplebucket/dir/a%20b%2B%281%29.jpg\`)`;

/** Said by both summaries. */
export const V4_ERRORS_NOTE = 'Missing or malformed credentials answer 1003 `PARA_ERR` (the fork answered -1 `Parameter is not valid`); the SecretKey is never in a `detail`.';
