// Assertions on envelopes, shared by the contract suites.
import { expect } from 'vitest';
import type { World } from './world.js';

export type Reply = Awaited<ReturnType<World['call']>>;

export function expectFailure(env: Reply, code: number, message: string, detailPart?: string): void {
  expect(env.returnCode, env.detail).toBe(code);
  expect(env.returnMessage).toBe(message);
  expect(env.returnData).toBe('');
  expect(env.detail).toEqual(expect.any(String));
  if (detailPart !== undefined) expect(env.detail).toContain(detailPart);
}

export function expectSuccess(env: Reply, message: string): void {
  expect(env.returnCode, env.detail).toBe(0);
  expect(env.returnMessage).toBe(message);
  expect(env).not.toHaveProperty('detail');
}
