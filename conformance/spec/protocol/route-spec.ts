/** The shape of one route of protocol v1; routes.ts and the 2FA route tables are written in it. */
import type { TSchema } from 'typebox';
import type { ErrorCode } from '../errors.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/**
 * none: public; device: `Authorization: Bearer <deviceKey>`; console: `x-mbs-console-key: <key>` (the desktop
 * side); authenticator: `Authorization: Bearer <authenticatorKey>` (the app as a registered 2FA authenticator).
 */
export type Auth = 'none' | 'device' | 'console' | 'authenticator';
/**
 * twoFactor: routes that exist only on editions with two-factor authentication (Pro and Lite). conformance: routes
 * a server serves only when started for conformance testing (conformance-clock.ts); otherwise it refuses them.
 */
export type RouteGroup = 'server' | 'pairing' | 'devices' | 'backup' | 'items' | 'twoFactor' | 'conformance';

export interface RouteSpec {
  readonly method: HttpMethod;
  readonly path: string;
  readonly auth: Auth;
  readonly group: RouteGroup;
  readonly summary: string;
  readonly params?: TSchema;
  readonly query?: TSchema;
  readonly headers?: TSchema;
  /** JSON body schema, or 'bytes' for `application/offset+octet-stream`. */
  readonly body?: TSchema | 'bytes';
  readonly status: number;
  /** JSON response schema, 'bytes' for raw item bytes, or null for no body. */
  readonly response: TSchema | 'bytes' | null;
  readonly errors: readonly ErrorCode[];
}

/** Errors that several routes share. */
export const DEVICE_ERRORS = ['device-unauthorized'] as const satisfies readonly ErrorCode[];
export const CONSOLE_ERRORS = ['console-unauthorized'] as const satisfies readonly ErrorCode[];
/** Every route of the twoFactor group, on an edition without 2FA. */
export const TWO_FACTOR_ERRORS = ['2fa-not-supported'] as const satisfies readonly ErrorCode[];
/** A one-time password that is wrong, used already, or one guess too many. */
export const CODE_ERRORS = ['otp-invalid', 'otp-replayed', 'otp-throttled'] as const satisfies readonly ErrorCode[];
export const REGISTRATION_ERRORS = [
  'registration-invalid',
  'registration-expired',
  'registration-used',
] as const satisfies readonly ErrorCode[];
