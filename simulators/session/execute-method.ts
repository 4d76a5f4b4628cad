/** The shape of a `mobile:` execute method, and what the methods share: strict parameter schemas and refusals. */
import Type, { type Static, type TSchema } from 'typebox';
import { ClientError, MbsError } from '../../conformance/spec/errors.js';
import type { SimulatorSession } from './simulator-session.js';

export interface ExecuteMethod<S extends TSchema = TSchema, R = unknown> {
  readonly description: string;
  readonly params: S;
  readonly run: (session: SimulatorSession, params: Static<S>) => R;
}

/** Keeps each method's `run` typed by its own schema, and its result type for the clients. */
export const method = <S extends TSchema, R>(def: ExecuteMethod<S, R>): ExecuteMethod<S, R> => def;
export const strict = { additionalProperties: false } as const;
export const none = Type.Object({}, strict);

/** What the app refused while a method ran: shown in the app's dialog, and answered rather than thrown. */
export async function outcome<T>(session: SimulatorSession, run: () => Promise<T>) {
  try {
    return { ok: true as const, ...(await run()) };
  } catch (error) {
    if (!(error instanceof MbsError || error instanceof ClientError) || error.code === 'prompt-not-open') throw error;
    session.message = error.message;
    return { ok: false as const, code: error.code, message: error.message };
  }
}
