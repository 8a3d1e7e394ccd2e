// The store's hot-path helpers on both dialects: queries built once (preparedQuery), statements kept per SQL text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openStore, type Store } from '../../src/store/db.js';
import { preparedQuery } from '../../src/store/prepared.js';
import type { AppType, Db } from '../../src/store/types.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/db.js';

const appRow = preparedQuery((db: Db, appid: string, type: AppType) =>
  db.selectFrom('apps').select(['appid', 'type', 'login_duration']).where('type', '=', type).where('appid', '=', appid));

describe.each(DIALECTS)('the store on %s', (dialect) => {
  let database: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    store = openStore(database.url, { connectionLimit: 2 });
    await migrate(store);
    for (const [appid, type] of [['wxa', 'miniprogram'], ['wxb', 'official_account']] as const) {
      await store.db.insertInto('apps').values({
        appid, type, secret_sealed: 'x', login_duration: appid === 'wxa' ? 7 : 9, session_duration: 60,
        max_sessions: 20, token_api: 'stable', watermark_max_age: 0, cos_sealed: null, created_at: 0, updated_at: 0,
      }).execute();
    }
  });
  afterAll(async () => { await store?.close(); await database?.drop(); });

  it('runs a prepared query with each call\'s arguments, in the order the query binds them', async () => {
    expect(await appRow(store.db, 'wxa', 'miniprogram')).toEqual([{ appid: 'wxa', type: 'miniprogram', login_duration: 7 }]);
    expect(await appRow(store.db, 'wxb', 'official_account')).toEqual([{ appid: 'wxb', type: 'official_account', login_duration: 9 }]);
    expect(await appRow(store.db, 'wxb', 'miniprogram')).toEqual([]);
    expect(await appRow(store.db, "wxa' or '1'='1", 'miniprogram')).toEqual([]);
  });

  it('refuses to prepare a query that binds a value that is not an argument', async () => {
    const withConstant = preparedQuery((db: Db, appid: string) => db.selectFrom('apps').select('appid').where('appid', '=', appid).limit(1));
    await expect(withConstant(store.db, 'wxa')).rejects.toThrow(/a bound value is not an argument/);
  });

  it('answers correctly past the number of statements it keeps', async () => {
    // 300 distinct SQL texts (one per length of the in-list), more than the 256 statements kept.
    for (let n = 1; n <= 300; n++) {
      const ids = Array.from({ length: n }, (_, i) => (i === n - 1 ? 'wxa' : `wx-none-${i}`));
      expect(await store.db.selectFrom('apps').select('appid').where('appid', 'in', ids).execute()).toEqual([{ appid: 'wxa' }]);
    }
    expect(await appRow(store.db, 'wxa', 'miniprogram')).toHaveLength(1);
  });
});
