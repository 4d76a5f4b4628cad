/**
 * Errors of the session model as W3C WebDriver errors. The error class is chosen by the kit's stable code, never by
 * the message; the message starts with that code (`execute-params-invalid: …`) so that a client can read it back.
 */
import { errors } from '@appium/base-driver';
import { ClientError, MbsError, type ClientErrorCode } from '../../conformance/spec/errors.js';

type W3cErrorClass = new (message?: string) => Error;

const BY_CODE: Partial<Record<ClientErrorCode, W3cErrorClass>> = {
  'element-not-found': errors.NoSuchElementError,
  'element-stale': errors.StaleElementReferenceError,
  'locator-invalid': errors.InvalidSelectorError,
  'execute-method-unknown': errors.UnsupportedOperationError,
  'execute-params-invalid': errors.InvalidArgumentError,
  'prompt-not-open': errors.NoAlertOpenError,
  'capability-invalid': errors.SessionNotCreatedError,
  'profile-not-found': errors.SessionNotCreatedError,
  'profile-invalid': errors.SessionNotCreatedError,
  'os-unsupported': errors.SessionNotCreatedError,
  timeout: errors.TimeoutError,
  'media-invalid': errors.InvalidArgumentError,
  'storage-full': errors.InvalidArgumentError,
};

/** `creating`: while a session is being created, any refusal is "session not created". */
export function toW3cError(error: unknown, creating = false): Error {
  if (error instanceof ClientError) {
    const Class = creating ? errors.SessionNotCreatedError : (BY_CODE[error.code] ?? errors.InvalidArgumentError);
    return new Class(`${error.code}: ${error.message}`);
  }
  if (error instanceof MbsError) return new errors.UnknownError(`${error.code}: ${error.message}`);
  if (error instanceof RangeError) return new errors.InvalidArgumentError(error.message);
  if (creating) return new errors.SessionNotCreatedError((error as Error).message);
  return error instanceof Error ? error : new errors.UnknownError(String(error));
}

/** Runs a command, turning the model's errors into W3C ones. */
export async function w3c<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toW3cError(error);
  }
}
