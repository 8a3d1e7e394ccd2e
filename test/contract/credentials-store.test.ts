// The credential store's guarantees, driven through getCredential with specs whose fetches the test controls.
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCredentialMemo, getCredential, type CredentialSpec } from '../../src/services/credentials.js';
import { refreshDue } from '../../src/services/refresh.js';
import { DIALECTS } from '../helpers/db.js';
import { startWorld, type World } from '../helpers/world.js';

/** A spec whose fetches wait until the test answers them. */
function controlled(owner: string) {
  const pending: { resolve: (v: { value: string; expiresIn: number }) => void }[] = [];
  let fetches = 0;
  const spec: CredentialSpec = {
    kind: 'mp_token', owner, ahead: 300, rotatesOnFetch: false, forceBudget: 10, use: 'token',
    fetch: () => { fetches++; return new Promise((resolve) => pending.push({ resolve })); },
  };
  return { spec, pending, fetches: () => fetches, answer: (value: string) => pending.shift()!.resolve({ value, expiresIn: 7200 }) };
}
const tick = () => new Promise((r) => setTimeout(r, 100));

describe.each(DIALECTS)('the credential store on %s', (dialect) => {
  let w: World;
  beforeAll(async () => { w = await startWorld(dialect, { sharedClock: true }); });
  afterAll(async () => { await w?.close(); });

  it('never goes back to an older value when a holder outlives its lease', async () => {
    const c = controlled('owner-' + Math.random());
    const slow = getCredential(w.deps, c.spec);
    await tick();
    expect(c.fetches()).toBe(1);
    w.clock.advance(60); // past the slow holder's lease
    // Another process: the same store, its own memo.
    const other = { ...w.deps, credentialMemo: createCredentialMemo() };
    const quick = getCredential(other, { ...c.spec, fetch: async () => ({ value: 'newer', expiresIn: 7200 }) });
    expect((await quick).value).toBe('newer');
    c.answer('older');
    expect((await slow).value).toBe('newer');
    expect((await getCredential(w.deps, c.spec)).value).toBe('newer');
  });

  it('serves the still-valid value to other callers while a refresh is in flight', async () => {
    const c = controlled('owner-' + Math.random());
    const first = getCredential(w.deps, c.spec);
    await tick();
    c.answer('v1');
    expect((await first).value).toBe('v1');
    w.clock.advance(7200 - 299); // due for refresh-ahead
    w.deps.credentialMemo.cache.clear();
    const refreshing = getCredential(w.deps, c.spec);
    await tick();
    expect(c.fetches()).toBe(2);
    const meanwhile = await Promise.race([getCredential(w.deps, c.spec), tick().then(() => 'waited')]);
    expect(meanwhile).toMatchObject({ value: 'v1', fresh: false });
    c.answer('v2');
    expect(await refreshing).toMatchObject({ value: 'v2', fresh: true });
  });

  it('has the callers that miss the process cache together share one read of the row', async () => {
    const c = controlled('owner-' + Math.random());
    const first = getCredential(w.deps, c.spec);
    await tick();
    c.answer('v1');
    await first;
    // Every statement on the credentials table, counted on its way to the real store.
    let reads = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        const from = (args.node as { from?: { froms: { table?: { identifier?: { name: string } } }[] } }).from;
        if (args.node.kind === 'SelectQueryNode' && from?.froms.some((f) => f.table?.identifier?.name === 'credentials')) reads++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const deps = { ...w.deps, store: { ...w.deps.store, db: w.deps.store.db.withPlugin(counting) } };
    w.deps.credentialMemo.cache.clear();
    const answers = await Promise.all(Array.from({ length: 20 }, () => getCredential(deps, c.spec)));
    expect(answers.map((a) => a.value)).toEqual(Array(20).fill('v1'));
    expect(reads).toBe(1);
    // A report of a failed value reads the row for itself.
    w.deps.credentialMemo.cache.clear();
    await Promise.all([getCredential(deps, c.spec), getCredential(deps, c.spec, { invalid: 'not-the-value' })]);
    expect(reads).toBe(3);
    expect(c.fetches()).toBe(1);
  });

  it('refreshes every due credential from mina-auth refresh / the timer', async () => {
    const { appid } = await w.addApp();
    const { key } = await import('../../src/services/keys.js').then((k) => k.createKey(w.deps.store.db, w.clock.now(), { name: 'x', scopes: ['qcloud.*:*'] }));
    const before = await w.callWithKey(key, 'qcloud.mimi.access_token', { appid });
    expect(before.returnCode).toBe(0);
    expect(await refreshDue(w.deps)).toMatchObject({ refreshed: 0 });
    w.clock.advance(7200 - 299);
    const n = await refreshDue(w.deps);
    expect(n.refreshed).toBeGreaterThanOrEqual(1);
    expect(n.failed).toBe(0);
    const after = await w.callWithKey(key, 'qcloud.mimi.access_token', { appid });
    expect(after.returnData.access_token).not.toBe(before.returnData.access_token);
    expect(after.returnMessage).toBe('OLD_TOKEN_SUCCESS');
  });
});
