// Time is injected so expiry can be tested without sleeping.
export interface Clock {
  /** Unix time in seconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Math.floor(Date.now() / 1000) };
