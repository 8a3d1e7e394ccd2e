// The store's hot-path helpers on both dialects: lookups batched until the microtask queue runs dry (batchedLookup)
// and run through store.read, statements kept per SQL text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openStore, type Store } from '../../src/store/db.js';
import { batchedLookup, MAX_IN_FLIGHT, MAX_KEYS } from '../../src/store/lookup.js';
import type { Db } from '../../src/store/types.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/db.js';

const appRow = batchedLookup((db: Db, appids: string[]) =>
  db.selectFrom('apps').select(['appid', 'type', 'login_duration']).where('appid', 'in', appids), (row) => row.appid);

const APP = {
  appid: '', type: 'miniprogram', secret_sealed: 'x', login_duration: 7, session_duration: 60, max_sessions: 20,
  token_api: 'stable', watermark_max_age: 0, cos_sealed: null, created_at: 0, updated_at: 0,
} as const;

describe.each(DIALECTS)('the store on %s', (dialect) => {
  let database: TestDatabase;
  let store: Store;
  /** The same store, counting the reads it runs (the store itself is the real one). */
  let counted: Store & { reads: string[][] };
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    store = openStore(database.url, { connectionLimit: 2 });
    await migrate(store);
    for (const [appid, type] of [['wxa', 'miniprogram'], ['wxb', 'official_account']] as const) {
      await store.db.insertInto('apps').values({ ...APP, appid, type, login_duration: appid === 'wxa' ? 7 : 9 }).execute();
    }
    const reads: string[][] = [];
    counted = { ...store, reads, read: (sql, parameters) => { reads.push([...parameters]); return store.read(sql, parameters); } };
  });
  afterAll(async () => { await store?.close(); await database?.drop(); });

  it('answers each caller with its own row, or undefined', async () => {
    expect(await appRow(store, 'wxa')).toEqual({ appid: 'wxa', type: 'miniprogram', login_duration: 7 });
    expect(await appRow(store, 'wxb')).toEqual({ appid: 'wxb', type: 'official_account', login_duration: 9 });
    expect(await appRow(store, 'wxc')).toBeUndefined();
    expect(await appRow(store, "wxa' or '1'='1")).toBeUndefined();
  });

  it('looks up every key asked for in one event-loop turn with one query, padded to a power of two', async () => {
    counted.reads.length = 0;
    const keys = ['wxb', 'wxa', 'wx-none', 'wxa', 'wxb'];
    const rows = await Promise.all(keys.map((key) => appRow(counted, key)));
    expect(rows.map((r) => r?.login_duration)).toEqual([9, 7, undefined, 7, 9]);
    expect(counted.reads).toEqual([['wxb', 'wxa', 'wx-none', 'wxb']]);
    // The next turn is a query of its own.
    expect(await appRow(counted, 'wxa')).toMatchObject({ appid: 'wxa' });
    expect(counted.reads).toHaveLength(2);
  });

  it('takes in the keys asked for however deep in the microtask queue, from a callback or from a microtask', async () => {
    const after = async (key: string, awaits: number) => { for (let i = 0; i < awaits; i++) await null; return appRow(counted, key); };
    for (const start of [(f: () => void) => setImmediate(f), (f: () => void) => queueMicrotask(f)]) {
      counted.reads.length = 0;
      const rows = await new Promise<unknown[]>((done) => start(() => { void Promise.all([after('wxa', 0), after('wxb', 3), after('wx-none', 9)]).then(done); }));
      expect(rows.map((r) => (r as { appid: string } | undefined)?.appid)).toEqual(['wxa', 'wxb', undefined]);
      expect(counted.reads).toEqual([['wxa', 'wxb', 'wx-none', 'wxa']]);
    }
  });

  it(`makes several queries for more than ${MAX_KEYS} keys in one turn`, async () => {
    counted.reads.length = 0;
    const keys = Array.from({ length: MAX_KEYS * 2 + 1 }, (_, i) => (i === 100 ? 'wxa' : `wx-none-${i}`));
    const rows = await Promise.all(keys.map((key) => appRow(counted, key)));
    expect(rows.flatMap((r, i) => (r ? [i] : []))).toEqual([100]);
    expect(counted.reads.map((r) => r.length)).toEqual([MAX_KEYS, MAX_KEYS, 1]);
  });

  it(`keeps at most ${MAX_IN_FLIGHT} queries at the store; the keys asked for meanwhile go together in the next`, async () => {
    const reads: string[][] = [];
    const gates: (() => void)[] = [];
    const held: Store = { ...store, read: (sql, parameters) => {
      reads.push([...parameters]);
      return new Promise<void>((open) => gates.push(open)).then(() => store.read(sql, parameters));
    } };
    const nextTurn = () => new Promise((r) => setImmediate(r));
    const asked = [];
    for (const key of ['wxa', 'wxb', 'wx-none', 'wxa', 'wxb']) {
      asked.push(appRow(held, key));
      await nextTurn();
    }
    expect(reads).toEqual([['wxa'], ['wxb']]);
    gates.shift()!();
    await asked[0];
    await nextTurn();
    expect(reads).toEqual([['wxa'], ['wxb'], ['wx-none', 'wxa', 'wxb', 'wx-none']]);
    while (gates.length) gates.shift()!();
    expect((await Promise.all(asked)).map((r) => r?.login_duration)).toEqual([7, 9, undefined, 7, 9]);
  });

  it('fails every caller of a query that fails, and only them', async () => {
    const broken = batchedLookup((db: Db, ids: string[]) => db.selectFrom('apps').select('appid').where('no_such_column' as 'appid', 'in', ids), (row) => row.appid);
    const outcomes = await Promise.allSettled([broken(store, 'wxa'), broken(store, 'wxb'), appRow(store, 'wxa')]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    // A failed query frees its place: later ones still go out (and fail), past MAX_IN_FLIGHT of them.
    for (let i = 0; i <= MAX_IN_FLIGHT; i++) await expect(broken(store, 'wxa')).rejects.toThrow();
  });

  it('never answers from inside another request\'s open transaction (SQLite has one connection for all)', async () => {
    let read: Promise<unknown> | undefined;
    await expect(store.db.transaction().execute(async (trx) => {
      await trx.insertInto('apps').values({ ...APP, appid: 'wxt' }).execute();
      read = appRow(store, 'wxt');
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(await read).toBeUndefined();
  });

  it('refuses a query that binds anything but the keys', async () => {
    const withConstant = batchedLookup((db: Db, appids: string[]) => db.selectFrom('apps').select('appid').where('appid', 'in', appids).where('type', '=', 'miniprogram'), (row) => row.appid);
    for (let i = 0; i <= MAX_IN_FLIGHT; i++) await expect(withConstant(store, 'wxa')).rejects.toThrow(/must bind the keys and nothing else/);
  });

  it('answers correctly past the number of statements it keeps', async () => {
    // 300 distinct SQL texts (one per length of the in-list), more than the 256 statements kept.
    for (let n = 1; n <= 300; n++) {
      const ids = Array.from({ length: n }, (_, i) => (i === n - 1 ? 'wxa' : `wx-none-${i}`));
      expect(await store.db.selectFrom('apps').select('appid').where('appid', 'in', ids).execute()).toEqual([{ appid: 'wxa' }]);
    }
    expect(await appRow(store, 'wxa')).toMatchObject({ appid: 'wxa' });
  });
});
