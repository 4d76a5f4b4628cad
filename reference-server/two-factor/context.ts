/**
 * What the 2FA services need beyond every service's context: where SMS and e-mail leave, whether push requests use
 * number matching, and the lifetimes the seeds and DESIGN.md settle. All timing reads `ctx.clock`.
 */
import { EDITIONS } from '../../conformance/spec/editions.js';
import type { ServiceContext } from '../services/context.js';
import type { MessageGateway } from './gateway.js';
import type { PushGateway } from './push-gateway.js';

export interface TwoFactorContext extends ServiceContext {
  readonly gateway: MessageGateway;
  /** The push notification service the login's push requests go through (push-gateway.ts). */
  readonly pushGateway: PushGateway;
  /** Beyond the seeds, off by default: the desktop shows a number the user picks in the app. */
  readonly numberMatching: boolean;
}

/** A push request lives 5 minutes from sending (seed 000 Appendix A: "the 5-minute grace period"). */
export const PUSH_TTL_MS = 5 * 60_000;
/** SMS recovery codes: 5 minutes (the seed's countdown starts near "(00:04:32)"). */
export const SMS_CODE_TTL_MS = 5 * 60_000;
/** E-mail codes: to the end of the second 24 hours less one second after sending (14:22:35 → 14:22:34). */
export const EMAIL_CODE_TTL_MS = 24 * 60 * 60_000;
/** Seed 002 gives no lifetime for "Trust this browser"; 30 days is ours. */
export const TRUSTED_BROWSER_TTL_MS = 30 * 24 * 60 * 60_000;

/** Issuer of the TOTP accounts: `MBS Pro`, in the otpauth label and parameter. */
export function issuerOf(ctx: ServiceContext): string {
  return `MBS ${EDITIONS[ctx.identity.edition].label}`;
}

/** The account label, which the secret-key path calls the username: the desktop machine's name. */
export function usernameOf(ctx: ServiceContext): string {
  return ctx.identity.name.slice(0, 128);
}
