/**
 * What an exception that escaped a check says: a verdict on the target, or that the kit failed or could not reach the
 * target. Judged by the error's class and code, never its text (DESIGN.md: errors carry stable codes).
 *
 * A verdict: a Violation; a plain Error, which is how the suites state a broken rule (`throw new Error('…')`); node's
 * AssertionError; an MbsError (the target answered with a catalogued error); a ClientError of the protocol client
 * (the target's answer broke the protocol, or it did not answer in time). Not a verdict: a ClientError that says the
 * target or the device infrastructure could not be reached, and anything else, such as a TypeError or ReferenceError
 * in the kit's own code, a RangeError, or a thrown non-Error. A plain Error is the check's own statement even when it
 * carries a cause (the discovery check says "the announced port does not serve protocol v1", caused by a refused
 * connection); only a Violation that within() made of a step's error is judged by that cause.
 *
 * What checkOnce and checkProperty (conformance/kit/property.ts) catch travels with the failure (`thrown`), and
 * within() (conformance/kit/violation.ts) keeps the step's error as its Violation's cause, so both are judged here.
 */
import { AssertionError } from 'node:assert';
import { ClientError, MbsError, type ClientErrorCode } from '../spec/errors.js';
import { Violation } from '../kit/violation.js';

export type ThrownKind =
  /** `judged`: the error that decided, fast-check's cause in place of its wrapper. */
  | { readonly kind: 'verdict'; readonly judged: unknown }
  | { readonly kind: 'error'; readonly reason: string; readonly unreachable: boolean };

/** Client errors that say the target (or the devices that reach it) could not be reached at all. */
const UNREACHABLE: readonly ClientErrorCode[] = [
  'unreachable',
  'appium-unavailable',
  'emulator-unavailable',
  'device-control-unavailable',
  'container-runtime-unavailable',
  'container-start-failed',
];

export function classifyThrown(error: unknown): ThrownKind {
  const judged = judgedBy(error);
  if (judged instanceof ClientError && UNREACHABLE.includes(judged.code)) {
    return { kind: 'error', reason: `the target could not be reached: ${describeError(judged)}`, unreachable: true };
  }
  if (isVerdict(judged)) return { kind: 'verdict', judged };
  return { kind: 'error', reason: `the kit failed: ${describeError(judged)}`, unreachable: false };
}

/** The error that decides: within()'s Violation stands for the step's error it was made of. */
function judgedBy(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 8 && current instanceof Violation && current.cause instanceof Error; depth++)
    current = current.cause;
  return current;
}

function isPlainError(error: unknown): error is Error {
  return error instanceof Error && Object.getPrototypeOf(error) === Error.prototype;
}

function isVerdict(error: unknown): boolean {
  return (
    isPlainError(error) ||
    error instanceof Violation ||
    error instanceof AssertionError ||
    error instanceof MbsError ||
    error instanceof ClientError
  );
}

export function describeError(error: unknown): string {
  if (error instanceof MbsError || error instanceof ClientError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
