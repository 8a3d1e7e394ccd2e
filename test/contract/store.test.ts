// The store's hot-path helpers on both dialects: queries built once (preparedQuery) and run through store.read,
// statements kept per SQL text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openStore, type Store } from '../../src/store/db.js';
import { preparedQuery } from '../../src/store/prepared.js';
import type { AppType, Db } from '../../src/store/types.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/db.js';

const appRow = preparedQuery((db: Db, appid: string, type: AppType) =>
  db.selectFrom('apps').select(['appid', 'type', 'login_duration']).where('type', '=', type).where('appid', '=', appid));

const APP = {
  appid: '', type: 'miniprogram', secret_sealed: 'x', login_duration: 7, session_duration: 60, max_sessions: 20,
  token_api: 'stable', watermark_max_age: 0, cos_sealed: null, created_at: 0, updated_at: 0,
} as const;

describe.each(DIALECTS)('the store on %s', (dialect) => {
  let database: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    store = openStore(database.url, { connectionLimit: 2 });
    await migrate(store);
    for (const [appid, type] of [['wxa', 'miniprogram'], ['wxb', 'official_account']] as const) {
      await store.db.insertInto('apps').values({ ...APP, appid, type, login_duration: appid === 'wxa' ? 7 : 9 }).execute();
    }
  });
  afterAll(async () => { await store?.close(); await database?.drop(); });

  it('runs a prepared query with each call\'s arguments, in the order the query binds them', async () => {
    expect(await appRow(store, 'wxa', 'miniprogram')).toEqual([{ appid: 'wxa', type: 'miniprogram', login_duration: 7 }]);
    expect(await appRow(store, 'wxb', 'official_account')).toEqual([{ appid: 'wxb', type: 'official_account', login_duration: 9 }]);
    expect(await appRow(store, 'wxb', 'miniprogram')).toEqual([]);
    expect(await appRow(store, "wxa' or '1'='1", 'miniprogram')).toEqual([]);
  });

  it('never answers from inside another request\'s open transaction (SQLite has one connection for all)', async () => {
    let read: Promise<unknown> | undefined;
    await expect(store.db.transaction().execute(async (trx) => {
      await trx.insertInto('apps').values({ ...APP, appid: 'wxt' }).execute();
      read = appRow(store, 'wxt', 'miniprogram');
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(await read).toEqual([]);
  });

  it('refuses to prepare a query that binds a value that is not an argument', async () => {
    const withConstant = preparedQuery((db: Db, appid: string) => db.selectFrom('apps').select('appid').where('appid', '=', appid).limit(1));
    await expect(withConstant(store, 'wxa')).rejects.toThrow(/a bound value is not an argument/);
  });

  it('answers correctly past the number of statements it keeps', async () => {
    // 300 distinct SQL texts (one per length of the in-list), more than the 256 statements kept.
    for (let n = 1; n <= 300; n++) {
      const ids = Array.from({ length: n }, (_, i) => (i === n - 1 ? 'wxa' : `wx-none-${i}`));
      expect(await store.db.selectFrom('apps').select('appid').where('appid', 'in', ids).execute()).toEqual([{ appid: 'wxa' }]);
    }
    expect(await appRow(store, 'wxa', 'miniprogram')).toHaveLength(1);
  });
});
