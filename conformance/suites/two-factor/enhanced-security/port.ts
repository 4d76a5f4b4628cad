/**
 * The port the enhanced security commands (commands.ts) act on, `SecurityApp`, and what the app
 * answers to an authentication. It has two adapters: the app model in process (model-in-process.ts) and the app
 * through its screens (model-screens.ts), so one model checks both.
 */

export type Kind = 'password' | 'wrong password' | 'biometric' | 'failed biometric' | 'nothing';
export type Result = 'ok' | 'authentication-failed' | 'security-locked' | 'security-unavailable';

/** What the app answered to an authentication: the wait it shows when locked, and its message. */
export interface Outcome {
  readonly result: Result;
  readonly retryAfterMs: number;
  readonly message: string;
}
export const OK: Outcome = { result: 'ok', retryAfterMs: 0, message: '' };

export interface SecurityApp {
  /** The unit the app shows a lock's wait in: 1 (ms, the model's own) or 1000 (seconds, as a screen says). */
  readonly waitUnitMs: number;
  /** Turns enhanced security on or off with `kind` (never `nothing`). */
  setEnabled(on: boolean, kind: Kind): Promise<Outcome>;
  enabled(): Promise<boolean>;
  /** Opens the 2FA page with `kind`: the answer, and how many codes the page then shows. */
  open(kind: Kind): Promise<{ readonly outcome: Outcome; readonly shown: number }>;
  /** How long attempts stay locked, read after a failure. */
  lockRemainingMs(): Promise<number>;
  now(): Promise<number>;
  setScreenLock(on: boolean): Promise<void>;
  clockTo(epochMs: number): Promise<void>;
}
