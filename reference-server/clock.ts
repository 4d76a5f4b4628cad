/** The server reads time only through a Clock, so tests and simulations can drive it. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
