/**
 * What an exception that escaped a check says: a verdict on the target, or that the kit failed or could not reach the
 * target. Judged by the error's class and code, never its text (DESIGN.md: errors carry stable codes).
 *
 * A verdict: a Violation; a plain Error, which is how the suites state a broken rule (`throw new Error('…')`); node's
 * AssertionError; an MbsError (the target answered with a catalogued error); a ClientError of the protocol client
 * (the target's answer broke the protocol, or it did not answer in time). Not a verdict: a ClientError that says the
 * target or the device infrastructure could not be reached, or that the kit's own machine kept the check from judging
 * (other programs moving the ports it probes, or a thread too busy to answer a server in time), and anything else,
 * such as a TypeError or ReferenceError in the kit's own code, a RangeError, or a thrown non-Error. A plain Error is
 * the check's own statement even when it carries a cause (the discovery check says "the announced port does not serve
 * protocol v1", caused by a refused connection); only a Violation that within() made of a step's error is judged by
 * that cause.
 *
 * What checkOnce and checkProperty (conformance/kit/property.ts) catch travels with the failure (`thrown`), and
 * within() (conformance/kit/violation.ts) keeps the step's error as its Violation's cause, so both are judged here.
 *
 * A failed system call of the kit's own machine (its disk full, out of file descriptors: a Node error with an errno
 * code such as ENOSPC) is a kit error too, though Node makes it a plain Error: a target's full disk reaches the kit as
 * the target's answer, never as an errno of the kit's process.
 *
 * A kit error is named as such, saying it is the kit's fault and not the target's: its reader is whoever maintains
 * the kit. A SetupError (conformance/kit/setup.ts) is the check's own setup failing before it tested anything: judged
 * by its cause when the kit failed or the target was unreachable, else `setup`, which the cell reads (cell-results.ts).
 */
import { AssertionError } from 'node:assert';
import { ClientError, MbsError, type ClientErrorCode } from '../spec/errors.js';
import { SetupError } from '../kit/setup.js';
import { Violation } from '../kit/violation.js';

export type ThrownKind =
  /** `judged`: the error that decided, fast-check's cause in place of its wrapper. */
  | { readonly kind: 'verdict'; readonly judged: unknown }
  /** `judged`: the exception itself, within()'s wrapper undone, whose stack shows where the kit broke. */
  | { readonly kind: 'error'; readonly reason: string; readonly unreachable: boolean; readonly judged: unknown }
  /** The check's setup failed on something that is no kit error: `reason` says what it was doing and what broke. */
  | { readonly kind: 'setup'; readonly reason: string; readonly setup: SetupError };

/** How a kit error's reason begins: the kit's fault, never the target's. */
export const KIT_ERROR = "kit error (the kit's own fault, not the target's)";

/** Client errors that say the target (or the devices that reach it) could not be reached at all. */
const UNREACHABLE: readonly ClientErrorCode[] = [
  'unreachable',
  'appium-unavailable',
  'emulator-unavailable',
  'device-control-unavailable',
  'container-runtime-unavailable',
  'container-start-failed',
];

/**
 * Client errors that say the kit's own machine kept a check from judging: other programs moving its ports, or a
 * machine too busy to take a server's requests in time.
 */
const MACHINE_INTERFERED: readonly ClientErrorCode[] = ['ports-moving', 'machine-too-slow'];

/** Errno codes of a resource of the kit's own machine running out (its disk, its file descriptors, its memory). */
const KIT_MACHINE: readonly string[] = ['ENOSPC', 'EDQUOT', 'EROFS', 'EMFILE', 'ENFILE', 'ENOMEM'];

export function classifyThrown(error: unknown): ThrownKind {
  const judged = judgedBy(error);
  if (judged instanceof SetupError) {
    const cause = classifyThrown(judged.cause);
    if (cause.kind === 'error') return cause;
    const reason = `the check's setup failed before it tested anything: ${judged.what}: ${describeError(judged.cause)}`;
    return { kind: 'setup', reason, setup: judged };
  }
  if (judged instanceof ClientError && UNREACHABLE.includes(judged.code)) {
    const reason = `the target could not be reached: ${describeError(judged)}`;
    return { kind: 'error', reason, unreachable: true, judged };
  }
  if (judged instanceof ClientError && MACHINE_INTERFERED.includes(judged.code)) {
    const reason = `the kit's machine kept the check from judging the target: ${describeError(judged)}`;
    return { kind: 'error', reason, unreachable: false, judged };
  }
  if (judged instanceof ClientError && judged.code === 'deadline-out-of-reach') {
    return {
      kind: 'error',
      reason: `the check could not judge an edge in time: ${describeError(judged)}`,
      unreachable: false,
      judged,
    };
  }
  if (isMachineError(judged)) {
    const reason = `${KIT_ERROR}: the kit's own machine refused a system call: ${describeError(judged)}`;
    return { kind: 'error', reason, unreachable: false, judged };
  }
  if (isVerdict(judged)) return { kind: 'verdict', judged };
  return { kind: 'error', reason: `${KIT_ERROR}: ${describeError(judged)}`, unreachable: false, judged };
}

/** The error that decides: within()'s Violation stands for the step's error it was made of. */
function judgedBy(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 8 && current instanceof Violation && current.cause instanceof Error; depth++)
    current = current.cause;
  return current;
}

/** A system call of this process failed for want of a resource of its machine (Node's errors carry a `syscall`). */
function isMachineError(error: unknown): boolean {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  return (
    error instanceof Error && typeof syscall === 'string' && typeof code === 'string' && KIT_MACHINE.includes(code)
  );
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
