/**
 * "Enhanced security for 2FA" (seed 000 §6.4.4): off by default; it can be turned on only when the device has a
 * screen lock, and turning it on or off asks for the device password or a biometric. While on, opening the 2FA page
 * or approving a request asks again. Too many failures lock it with "Try again later" for an interval that grows.
 */
import { ClientError } from '../../../conformance/spec/errors.js';
import type { SimulatedDevice } from '../../device/simulated-device.js';

export const MAX_FAILURES = 5;
export const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 10 * 60_000;

export type Attempt =
  | { readonly method: 'password'; readonly password: string }
  | { readonly method: 'biometric'; readonly match: boolean };

export class EnhancedSecurity {
  enabled = false;
  private failures = 0;
  private lockouts = 0;
  private lockedUntil = 0;

  constructor(private readonly device: SimulatedDevice) {}

  /** Turns the setting on or off; both need a successful authentication. */
  setEnabled(enabled: boolean, attempt: Attempt): void {
    if (enabled && this.device.screenLock === 'none') throw new ClientError('security-unavailable');
    this.authenticate(attempt);
    this.enabled = enabled;
  }

  /** Whether opening the 2FA page (or approving a request) needs an authentication first. */
  get required(): boolean {
    return this.enabled;
  }

  /** Milliseconds until attempts are allowed again; 0 when not locked. */
  lockRemainingMs(): number {
    return Math.max(0, this.lockedUntil - this.device.clock.now());
  }

  authenticate(attempt: Attempt): void {
    const remaining = this.lockRemainingMs();
    if (remaining > 0) {
      throw new ClientError(
        'security-locked',
        `Too many failed attempts. Try again in ${Math.ceil(remaining / 1000)} seconds.`,
        {
          retryAfterMs: remaining,
        },
      );
    }
    if (this.matches(attempt)) {
      this.failures = 0;
      this.lockouts = 0;
      return;
    }
    this.failures += 1;
    if (this.failures >= MAX_FAILURES) {
      this.failures = 0;
      this.lockedUntil = this.device.clock.now() + Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** this.lockouts);
      this.lockouts += 1;
    }
    throw new ClientError('authentication-failed');
  }

  private matches(attempt: Attempt): boolean {
    if (attempt.method === 'biometric') return this.device.biometric !== 'none' && attempt.match;
    return this.device.screenLock !== 'none' && attempt.password === this.device.lockSecret;
  }
}
