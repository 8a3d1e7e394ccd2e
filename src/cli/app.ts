// mina-auth app add|list|remove: register apps (secrets sealed at rest; never printed).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { APPID_PATTERN } from '../config.js';
import { systemClock } from '../clock.js';
import { APP_DEFAULTS, listApps, putApp, removeApp } from '../services/apps.js';
import { createSecretBox } from '../services/secretbox.js';
import { openStore, pendingMigrations } from '../store/db.js';
import type { AppType } from '../store/types.js';
import { CliError, configFrom, parseWhole, STORE_FLAGS, STORE_HELP, withMasterKey } from './common.js';

export const help = `usage:
  mina-auth app add APPID --secret SECRET|- [--type miniprogram|official_account]
                    [--login-duration DAYS] [--session-duration SECONDS] [--max-sessions N] [--watermark-max-age SECONDS]
                    [--token-api stable|classic]
  mina-auth app list [--json]
  mina-auth app remove APPID
Registers apps on the gateway; no redeploy needed. "--secret -" reads the secret from standard input
(keeps it out of the shell history). Re-adding an app replaces its settings. Defaults: login-duration
${APP_DEFAULTS.login_duration} days, session-duration ${APP_DEFAULTS.session_duration} s, max-sessions ${APP_DEFAULTS.max_sessions}, watermark-max-age ${APP_DEFAULTS.watermark_max_age} s (0 = unchecked).
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
} as const;

export async function run(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true });
  const [action, appid, ...rest] = positionals;
  if (values.help || !action) return out(help);
  if (rest.length) throw new CliError(`unexpected argument "${rest[0]}"`);
  if (!['add', 'list', 'remove'].includes(action)) throw new CliError(`unknown action "app ${action}" (add, list, remove)`);
  if (action !== 'list' && (!appid || !new RegExp(APPID_PATTERN).test(appid))) throw new CliError(`app ${action} needs an APPID (letters, digits, _ and -)`);

  const config = action === 'add' ? withMasterKey(configFrom(values)) : configFrom(values);
  const store = openStore(config.databaseUrl);
  try {
    if ((await pendingMigrations(store)).length) throw new CliError('the store needs migrating first: mina-auth migrate');
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
    if (values.secret === undefined) throw new CliError('app add needs --secret SECRET (or --secret - to read it from standard input)');
    const secret = values.secret === '-' ? readFileSync(0, 'utf8').trim() : values.secret;
    if (!secret) throw new CliError('the secret is empty');
    const type = (values.type ?? 'miniprogram') as AppType;
    if (type !== 'miniprogram' && type !== 'official_account') throw new CliError('--type must be miniprogram or official_account');
    const tokenApi = values['token-api'];
    if (tokenApi !== undefined && tokenApi !== 'stable' && tokenApi !== 'classic') throw new CliError('--token-api must be stable or classic');
    const result = await putApp(store.db, createSecretBox(config.masterKey!, config.oldMasterKeys), systemClock.now(), {
      appid: appid!, type, secret,
      login_duration: parseWhole('login-duration', values['login-duration'], 1, 3650),
      session_duration: parseWhole('session-duration', values['session-duration'], 60, 315360000),
      max_sessions: parseWhole('max-sessions', values['max-sessions'], 1, 1000),
      watermark_max_age: parseWhole('watermark-max-age', values['watermark-max-age'], 0, 315360000),
      token_api: tokenApi,
    });
    out(`${result} ${appid} (${type})`);
  } finally {
    await store.close();
  }
}
