// Caller keys and scopes (PROTOCOL §4) for every privileged and admin interface in the registry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../src/dispatch/registry.js';
import { createKey, revokeKey } from '../../src/services/keys.js';
import { DIALECTS } from '../helpers/db.js';
import { expectFailure, type Reply } from '../helpers/expect.js';
import { recordSecret } from '../helpers/logs.js';
import { startWorld, type World } from '../helpers/world.js';

const guarded = Object.entries(registry).filter(([, def]) => def.access === 'privileged' || def.access === 'admin');

describe.each(DIALECTS)('caller keys on %s', (dialect) => {
  let w: World;
  let admin = '';
  beforeAll(async () => {
    w = await startWorld(dialect);
    admin = await key(['admin']);
  });
  afterAll(async () => { await w?.close(); });

  async function key(scopes: string[], expires_at: number | null = null): Promise<string> {
    return (await w.callerKey('test', scopes, expires_at)).key;
  }
  const call = async (name: string, para: unknown, headers: Record<string, string> = {}): Promise<Reply> => {
    const r = await w.request('/mina_auth', { body: JSON.stringify({ interface: { interfaceName: name, para } }), headers });
    expect(r.status).toBe(200);
    return r.json;
  };
  const bearer = (k: string) => ({ authorization: `Bearer ${k}` });

  it('covers at least the key interfaces', () => {
    expect(guarded.map(([name]) => name)).toEqual(expect.arrayContaining(['mina.admin.key.create', 'mina.admin.key.list', 'mina.admin.key.revoke']));
  });

  it.each(guarded)('%s answers 2001 without a valid key, before checking para', async (name, def) => {
    const revoked = await key(['admin', '*:*']);
    await call('mina.admin.key.revoke', { key_id: revoked.split('_')[1] }, bearer(admin));
    const expired = await key(['admin', '*:*'], w.clock.now() + 10);
    w.clock.advance(10);
    const [, id = ''] = admin.split('_');
    for (const headers of [{}, bearer('nope'), bearer(`mak_${id}_${'A'.repeat(43)}`), bearer(revoked), bearer(expired), { authorization: `Basic ${admin}` }]) {
      expectFailure(await call(name, def.example ?? {}, headers), 2001, 'CALLER_UNAUTHENTICATED');
      expectFailure(await call(name, { bogus: true }, headers), 2001, 'CALLER_UNAUTHENTICATED');
    }
  });

  it.each(guarded)('%s answers 2002 to a valid key whose scopes miss it, 1003 first for bad para', async (name, def) => {
    const wrong = def.access === 'admin' ? await key(['*:*', '*']) : await key(['admin', `${name}:someone-else`, 'qcloud.other.*:*']);
    expectFailure(await call(name, { bogus: true }, bearer(wrong)), 1003, 'PARA_ERR');
    expectFailure(await call(name, def.example ?? {}, bearer(wrong)), 2002, 'CALLER_FORBIDDEN');
    expectFailure(await call(name, def.example ?? {}, { 'x-mina-key': wrong }), 2002, 'CALLER_FORBIDDEN');
  });

  it('creates a key shown once, stored as SHA-256 only, listed without secrets, and revoked at once', async () => {
    const created = await call('mina.admin.key.create', { name: 'ops', scopes: ['admin'] }, bearer(admin));
    expect(created.returnMessage).toBe('KEY_CREATED');
    const { key_id, key: fresh } = created.returnData;
    recordSecret(fresh, fresh.split('_').slice(2).join('_'));
    expect(fresh).toMatch(new RegExp(`^mak_${key_id}_[A-Za-z0-9_-]{43}$`));
    const row = await w.deps.store.db.selectFrom('caller_keys').selectAll().where('key_id', '=', key_id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(fresh.split('_').slice(2).join('_'));

    const list = await call('mina.admin.key.list', {}, { 'x-mina-key': fresh });
    expect(list.returnMessage).toBe('KEY_LIST');
    expect(list.returnData.find((k: { key_id: string }) => k.key_id === key_id)).toEqual({ key_id, name: 'ops', scopes: ['admin'], expires_at: null, revoked_at: null, created_at: w.clock.now() });
    expect(JSON.stringify(list.returnData)).not.toMatch(/mak_|secret_hash/);

    expect((await call('mina.admin.key.revoke', { key_id }, bearer(fresh))).returnData).toEqual({ key_id, revoked: true });
    expectFailure(await call('mina.admin.key.list', {}, bearer(fresh)), 2001, 'CALLER_UNAUTHENTICATED');
    expectFailure(await call('mina.admin.key.revoke', { key_id }, bearer(admin)), 1003, 'PARA_ERR');
  });

  it('refuses a key revoked beside the gateway (as `mina-auth key revoke` does) within 2 s', async () => {
    const k = await key(['admin']);
    expect((await call('mina.admin.key.list', {}, bearer(k))).returnCode).toBe(0);
    expect(await revokeKey(w.deps.store.db, k.split('_')[1]!, w.clock.now())).toBe(true);
    w.clock.advance(2);
    expectFailure(await call('mina.admin.key.list', {}, bearer(k)), 2001, 'CALLER_UNAUTHENTICATED');
  });

  it('refuses malformed scopes', async () => {
    for (const scopes of [['qcloud.mimi.access_token'], ['a b:c'], [''], []]) {
      expect((await call('mina.admin.key.create', { name: 'x', scopes }, bearer(admin))).returnCode).toBe(1003);
    }
  });

  it('never lets a glob grant admin, nor the admin scope grant a privileged interface', async () => {
    const everything = await key(['*:*', '*.*:*', 'mina.admin.*:*']);
    expectFailure(await call('mina.admin.key.list', {}, bearer(everything)), 2002, 'CALLER_FORBIDDEN');
    expectFailure(await call('mina.admin.key.create', { name: 'x', scopes: ['admin'] }, bearer(everything)), 2002, 'CALLER_FORBIDDEN');
  });

  it('switches whole classes off per deployment (1010, even with a key)', async () => {
    const off = await startWorld(dialect, { env: { DISABLED_CLASSES: 'admin,privileged' } });
    try {
      const { key: k } = await createKey(off.deps.store.db, off.clock.now(), { name: 'x', scopes: ['admin'] });
      recordSecret(k);
      for (const [name, def] of guarded) expect((await off.request('/mina_auth', { body: JSON.stringify({ interface: { interfaceName: name, para: def.example ?? {} } }), headers: bearer(k) })).json.returnCode, name).toBe(1010);
    } finally {
      await off.close();
    }
  });
});
