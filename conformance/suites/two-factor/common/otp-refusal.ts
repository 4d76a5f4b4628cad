/**
 * What the kit saw when the server refused a one-time password the kit took for current: the code and the
 * authenticator it came from, the time step it was made for, the time the kit read and where it read it, and the
 * server's own time as its login showed it. A refusal that should not have happened then says why it happened: a
 * time read from the wrong clock shows as two readings steps apart, a code of the step the server reads too points
 * at the secret or a replay instead.
 */
import type { ErrorCode } from '../../../spec/errors.js';

export interface RefusedOtp {
  readonly refusal: ErrorCode;
  readonly code: string;
  readonly authenticator: { readonly id: string; readonly name: string };
  /** The time step the code was made for, and the steps' length. */
  readonly step: number;
  readonly stepMs: number;
  /** The server's time as the kit read it when it made the code, and where it read it. */
  readonly kitMs: number;
  readonly kitSource: string;
  /** The server's time when the login the code was typed at began (its `createdAt`). */
  readonly serverMs: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

function apart(steps: number): string {
  if (steps === 0) return "the code's own step";
  const count = `${Math.abs(steps)} step${Math.abs(steps) === 1 ? '' : 's'}`;
  return `${count} ${steps > 0 ? 'after' : 'before'} the code's`;
}

export function refusedOtpMessage(r: RefusedOtp): string {
  const serverStep = Math.floor(r.serverMs / r.stepMs);
  return (
    `a current one-time password was refused: ${r.refusal}. The kit sent ${r.code}, the code of authenticator ` +
    `${r.authenticator.id} ("${r.authenticator.name}") for time step ${r.step} (from ${iso(r.step * r.stepMs)}), ` +
    `having read the server's time as ${iso(r.kitMs)} from ${r.kitSource}. The server's clock read ` +
    `${iso(r.serverMs)} (step ${serverStep}) when the login began: ${apart(serverStep - r.step)}`
  );
}

/**
 * The error for a current one-time password refused other than by the throttle: a plain Error (a verdict on the
 * target wherever it is thrown) that keeps what it was made of.
 */
export function refusedOtpError(refused: RefusedOtp): Error & { readonly refused: RefusedOtp } {
  return Object.assign(new Error(refusedOtpMessage(refused)), { refused });
}

/** A code refused as wrong though the server's own clock read the code's step: the code itself was refused. */
export function wrongAtItsOwnStep(error: unknown): boolean {
  const refused = (error as { refused?: RefusedOtp } | undefined)?.refused;
  if (!(error instanceof Error) || refused === undefined) return false;
  return refused.refusal === 'otp-invalid' && Math.floor(refused.serverMs / refused.stepMs) === refused.step;
}
