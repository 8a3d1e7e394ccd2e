// mina-auth app add|list|remove|cos: register apps and their COS profiles (secrets sealed at rest; never printed).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { APPID_PATTERN } from '../config.js';
import { systemClock } from '../clock.js';
import { validatePara } from '../dispatch/validate.js';
import { APP_DEFAULTS, COS_DEFAULTS, findApp, listApps, putApp, removeApp, updateApp, type CosInput, type CosMethod } from '../services/apps.js';
import type { AppType } from '../store/types.js';
import { boxOf, CliError, configFrom, parseWhole, STORE_FLAGS, STORE_HELP, withMasterKey, withStore } from './common.js';

export const help = `usage:
  mina-auth app add APPID --secret SECRET|- [--type miniprogram|official_account]
                    [--login-duration DAYS] [--session-duration SECONDS] [--max-sessions N] [--watermark-max-age SECONDS]
                    [--token-api stable|classic]
  mina-auth app list [--json]
  mina-auth app remove APPID
  mina-auth app cos APPID --bucket BUCKET --region REGION --secret-id ID --secret-key KEY|-
                    [--prefix PREFIX] [--methods PUT,GET,HEAD] [--max-expires SECONDS] [--max-size BYTES] [--require-content]
  mina-auth app cos APPID --remove
Registers apps on the gateway; no redeploy needed. "--secret -" reads the secret from standard input
(keeps it out of the shell history). Re-adding an app replaces its settings. Defaults: login-duration
${APP_DEFAULTS.login_duration} days, session-duration ${APP_DEFAULTS.session_duration} s, max-sessions ${APP_DEFAULTS.max_sessions}, watermark-max-age ${APP_DEFAULTS.watermark_max_age} s (0 = unchecked).
"app cos" sets (replaces) the COS profile qcloud.cos.sign signs with: bucket like name-1250000000, region like
ap-guangzhou, the key pair (sealed at rest; "--secret-key -" reads the key from standard input, a key starting with "-"
needs --secret-key=KEY). Defaults: prefix
${COS_DEFAULTS.prefix} ({openid} is the session's user), methods ${COS_DEFAULTS.methods.join(',')}, max-expires ${COS_DEFAULTS.max_expires} s, no max-size;
--require-content makes uploads (PUT, POST) sign their Content-Type and Content-Length. "--remove" drops the profile.
${STORE_HELP}`;

const OPTIONS = {
  ...STORE_FLAGS,
  secret: { type: 'string' },
  type: { type: 'string' },
  'login-duration': { type: 'string' },
  'session-duration': { type: 'string' },
  'max-sessions': { type: 'string' },
  'watermark-max-age': { type: 'string' },
  'token-api': { type: 'string' },
  json: { type: 'boolean' },
  bucket: { type: 'string' },
  region: { type: 'string' },
  'secret-id': { type: 'string' },
  'secret-key': { type: 'string' },
  prefix: { type: 'string' },
  methods: { type: 'string' },
  'max-expires': { type: 'string' },
  'max-size': { type: 'string' },
  'require-content': { type: 'boolean' },
  remove: { type: 'boolean' },
} as const;

const COS_FLAGS = ['bucket', 'region', 'secret-id', 'secret-key', 'prefix', 'methods', 'max-expires', 'max-size', 'require-content'] as const;
const COS_METHODS: readonly CosMethod[] = ['GET', 'PUT', 'HEAD', 'POST', 'DELETE'];

export async function run(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true });
  const [action, appid, ...rest] = positionals;
  if (values.help || !action) return out(help);
  if (rest.length) throw new CliError(`unexpected argument "${rest[0]}"`);
  if (!['add', 'list', 'remove', 'cos'].includes(action)) throw new CliError(`unknown action "app ${action}" (add, list, remove, cos)`);
  if (action !== 'list' && (!appid || !new RegExp(APPID_PATTERN).test(appid))) throw new CliError(`app ${action} needs an APPID (letters, digits, _ and -)`);

  const cos = action === 'cos' ? cosProfile(values) : undefined;
  const config = action === 'add' || action === 'cos' ? withMasterKey(configFrom(values)) : configFrom(values);
  await withStore(config.databaseUrl, async (store) => {
    if (action === 'list') {
      const apps = await listApps(store.db);
      const rows = apps.map((a) => ({ appid: a.appid, type: a.type, login_duration: a.login_duration, session_duration: a.session_duration, max_sessions: a.max_sessions, watermark_max_age: a.watermark_max_age, token_api: a.token_api }));
      if (values.json) return out(JSON.stringify(rows));
      if (!rows.length) return out('no apps registered');
      for (const r of rows) out(`${r.appid}  ${r.type}  login ${r.login_duration} d  idle ${r.session_duration} s  max ${r.max_sessions} sessions  watermark ${r.watermark_max_age} s  token ${r.token_api}`);
      return;
    }
    if (action === 'remove') {
      if (!(await removeApp(store.db, appid!))) throw new CliError(`no app ${appid} is registered`);
      return out(`removed ${appid} with its users and sessions`);
    }
    if (action === 'cos') {
      if (!(await findApp(store.db, appid!))) throw new CliError(`no app ${appid} is registered (mina-auth app add first)`);
      await updateApp(store.db, boxOf(config), systemClock.now(), { appid: appid!, cos: cos! });
      return out(cos ? `set the COS profile of ${appid}: bucket ${cos.bucket}, region ${cos.region}, prefix ${cos.prefix ?? COS_DEFAULTS.prefix}` : `removed the COS profile of ${appid}`);
    }
    if (values.secret === undefined) throw new CliError('app add needs --secret SECRET (or --secret - to read it from standard input)');
    const secret = values.secret === '-' ? readFileSync(0, 'utf8').trim() : values.secret;
    if (!secret) throw new CliError('the secret is empty');
    const type = (values.type ?? 'miniprogram') as AppType;
    if (type !== 'miniprogram' && type !== 'official_account') throw new CliError('--type must be miniprogram or official_account');
    const tokenApi = values['token-api'];
    if (tokenApi !== undefined && tokenApi !== 'stable' && tokenApi !== 'classic') throw new CliError('--token-api must be stable or classic');
    const result = await putApp(store.db, boxOf(config), systemClock.now(), {
      appid: appid!, type, secret,
      login_duration: parseWhole('login-duration', values['login-duration'], 1, 3650),
      session_duration: parseWhole('session-duration', values['session-duration'], 60, 315360000),
      max_sessions: parseWhole('max-sessions', values['max-sessions'], 1, 1000),
      watermark_max_age: parseWhole('watermark-max-age', values['watermark-max-age'], 0, 315360000),
      token_api: tokenApi,
    });
    out(`${result} ${appid} (${type})`);
  });
}

type Flags = ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; strict: true; allowPositionals: true }>>['values'];

/** The profile of `app cos`, checked by the same schema as mina.admin.app.put's `cos`; false for --remove. */
function cosProfile(values: Flags): CosInput | false {
  if (values.remove) {
    const extra = COS_FLAGS.find((f) => values[f] !== undefined);
    if (extra) throw new CliError(`app cos --remove takes no --${extra}`);
    return false;
  }
  for (const f of ['bucket', 'region', 'secret-id', 'secret-key'] as const) {
    if (values[f] === undefined) throw new CliError(`app cos needs --${f}${f === 'secret-key' ? ' KEY (or --secret-key - to read it from standard input)' : ''} (or --remove)`);
  }
  const secretKey = values['secret-key'] === '-' ? readFileSync(0, 'utf8').trim() : values['secret-key']!;
  let methods: CosMethod[] | undefined;
  if (values.methods !== undefined) {
    methods = values.methods.split(',').map((m) => m.trim().toUpperCase()) as CosMethod[];
    if (methods.some((m) => !COS_METHODS.includes(m)) || new Set(methods).size !== methods.length) {
      throw new CliError(`--methods must list distinct methods of ${COS_METHODS.join(', ')}, comma-separated`);
    }
  }
  const cos: CosInput = {
    bucket: values.bucket!, region: values.region!, secret_id: values['secret-id']!, secret_key: secretKey,
    prefix: values.prefix, methods,
    max_expires: parseWhole('max-expires', values['max-expires'], 1, 604800),
    max_size: parseWhole('max-size', values['max-size'], 1, 5368709120),
    require_content: values['require-content'],
  };
  const defined = Object.fromEntries(Object.entries(cos).filter(([, v]) => v !== undefined)) as CosInput;
  const invalid = validatePara('mina.admin.app.put', { appid: 'x', cos: defined });
  // The schema's words name the para field; never the value (a secret key must not reach the terminal).
  if (invalid) throw new CliError(invalid.replace(/^para\.cos\.?([a-z_]*)/, (_, f: string) => (f ? `--${f.replace(/_/g, '-')}` : 'the COS profile')));
  return defined;
}
