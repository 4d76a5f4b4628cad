/**
 * What a load run does: how many simulated phones, for how long, against which server, and how they pace
 * themselves. Bounded in count and time, so a load run can never grow past what its user asked for.
 */

/** The most phones and the longest run `mbsc load` drives; `npm run bench:load` uses 1,000. */
export const LOAD_LIMITS = { maxDevices: 2000, maxDurationS: 600, maxItems: 20, maxItemKb: 1024 } as const;

/** The operations each phone goes through; a login runs only where the server offers 2FA. */
export const LOAD_OPERATIONS = ['pair', 'backup', 'restore', 'register2fa', 'login-push', 'login-otp'] as const;
export type LoadOperation = (typeof LOAD_OPERATIONS)[number];

export interface LoadPlan {
  readonly server: string;
  readonly devices: number;
  readonly durationMs: number;
  /** The server's console key: the desktop side that issues pairing tokens, 2FA registrations and logins. */
  readonly consoleKey: string;
  /** The server's password lock password, for logins on a server that has one. */
  readonly password?: string;
  /** Phones start spread over this time, not all in one millisecond (default a quarter of the run, at most 30 s). */
  readonly rampMs: number;
  /** Mean pause of a phone between two operations, drawn from the seed (default 2 s). */
  readonly thinkMs: number;
  /**
   * The desktop side starts one login this often (default 1 s), approved by the next registered phone. A desktop
   * program logs in once per session, so logins come at the desktop's pace, not once per phone per few seconds.
   */
  readonly loginEveryMs: number;
  /** Items each backup uploads, and their size. */
  readonly items: number;
  readonly itemBytes: number;
  /** Deadline of each request. */
  readonly requestTimeoutMs: number;
  readonly seed: number;
}

export const LOAD_DEFAULTS = {
  thinkMs: 2000,
  loginEveryMs: 1000,
  items: 3,
  itemBytes: 4096,
  requestTimeoutMs: 30_000,
} as const;

/** The ramp a plan gets when none is given: a quarter of the run, at most 30 s. */
export function defaultRampMs(durationMs: number): number {
  return Math.min(30_000, Math.round(durationMs / 4));
}
