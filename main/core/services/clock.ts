// Time as a dependency, so tests can move it (throttling waits, code and session expiry).
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
