// Classifies driver errors: an outage (1001) versus a rejected write (1006 and kin).
const OUTAGE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'POOL_CLOSED', 'ER_CON_COUNT_ERROR',
  'ER_ACCESS_DENIED_ERROR', 'ER_BAD_DB_ERROR', 'ER_LOCK_WAIT_TIMEOUT', 'ER_LOCK_DEADLOCK',
  'ER_SERVER_SHUTDOWN', 'ER_QUERY_INTERRUPTED', 'ER_NO_SUCH_TABLE', 'ER_OPTION_PREVENTS_STATEMENT',
  'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_CANTOPEN', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_READONLY',
]);

const errCode = (err: unknown): string => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
};

export function isStoreOutage(err: unknown): boolean {
  const code = errCode(err);
  return OUTAGE_CODES.has(code) || code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_IOERR')
    || (err instanceof Error && /no such table|connection is in closed state|Pool is closed|driver has already been destroyed|database connection is not open/i.test(err.message));
}

/** For a log line: the driver's error code, else the start of its message (never a value from the query). */
export const storeErrorReason = (err: unknown): string => (errCode(err) || String((err as Error | null)?.message ?? err)).slice(0, 80);

export function isConstraintViolation(err: unknown): boolean {
  const code = errCode(err);
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT') || code === 'ER_NO_REFERENCED_ROW_2'
    || code === 'ER_DATA_TOO_LONG' || code === 'ER_BAD_NULL_ERROR';
}
