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

/** What the app may ask the device authentication for: opening the 2FA page, an approval, turning the switch. */
export type SecuredAction = 'open' | 'approve' | 'turn-on' | 'turn-off';

/** Whether enhanced security is on when the app is installed: off (ESEC-01). */
export function securityOnByDefault(): boolean {
  return false;
}

/** Whether it can be turned on on this device: only with a screen lock (ESEC-02). */
export function securityAvailable(device: SimulatedDevice): boolean {
  return device.screenLock !== 'none';
}

/**
 * Whether `action` needs the device password or a biometric first: turning the switch either way always
 * (ESEC-03); opening the page and approving a request only while it is on (ESEC-04, ESEC-05, ESEC-06).
 */
export function securityAsks(action: SecuredAction, enabled: boolean): boolean {
  return action === 'turn-on' || action === 'turn-off' || enabled;
}

/** Whether the device password or passcode is taken: wherever there is a screen lock, biometrics too (ESEC-07). */
export function passwordTaken(device: SimulatedDevice): boolean {
  return device.screenLock !== 'none';
}

/** Whether a failed attempt counts towards the lock: every one, password or biometric (ESEC-08). */
export function failureCounts(_attempt: Attempt): boolean {
  return true;
}

/** Whether a lock refuses an attempt: every one, the right secret too, until the wait is over (ESEC-09). */
export function lockRefuses(_rightSecret: boolean): boolean {
  return true;
}

/** Milliseconds a lock until `lockedUntil` still has to run at `now`: none from its end on (ESEC-10). */
export function lockRemaining(now: number, lockedUntil: number): number {
  return Math.max(0, lockedUntil - now);
}

export const SECURITY_RULES = {
  securityOnByDefault,
  securityAvailable,
  securityAsks,
  passwordTaken,
  failureCounts,
  lockRefuses,
  lockRemaining,
};
export type SecurityRules = typeof SECURITY_RULES;

export class EnhancedSecurity {
  enabled: boolean;
  private failures = 0;
  private lockouts = 0;
  private lockedUntil = 0;

  constructor(
    private readonly device: SimulatedDevice,
    private readonly rules: SecurityRules = SECURITY_RULES,
  ) {
    this.enabled = rules.securityOnByDefault();
  }

  /** Turns the setting on or off; both need a successful authentication. */
  setEnabled(enabled: boolean, attempt?: Attempt): void {
    if (enabled && !this.available) throw new ClientError('security-unavailable');
    this.guard(enabled ? 'turn-on' : 'turn-off', attempt);
    this.enabled = enabled;
  }

  /** Whether it can be turned on on this device. */
  get available(): boolean {
    return this.rules.securityAvailable(this.device);
  }

  /** Whether `action` needs an authentication first. */
  asks(action: SecuredAction): boolean {
    return this.rules.securityAsks(action, this.enabled);
  }

  /** Whether opening the 2FA page (or approving a request) needs an authentication first. */
  get required(): boolean {
    return this.asks('open');
  }

  /** Authenticates with `attempt` where `action` asks for it; without one there, refused. */
  guard(action: SecuredAction, attempt: Attempt | undefined): void {
    if (!this.asks(action)) return;
    if (!attempt)
      throw new ClientError('authentication-failed', 'Enhanced security asks for the device password or a biometric.');
    this.authenticate(attempt);
  }

  /** Milliseconds until attempts are allowed again; 0 when not locked. */
  lockRemainingMs(): number {
    return this.rules.lockRemaining(this.device.clock.now(), this.lockedUntil);
  }

  authenticate(attempt: Attempt): void {
    const remaining = this.lockRemainingMs();
    if (remaining > 0 && this.rules.lockRefuses(this.matches(attempt))) {
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
    if (this.rules.failureCounts(attempt)) this.failures += 1;
    if (this.failures >= MAX_FAILURES) {
      this.failures = 0;
      this.lockedUntil = this.device.clock.now() + Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** this.lockouts);
      this.lockouts += 1;
    }
    throw new ClientError('authentication-failed');
  }

  private matches(attempt: Attempt): boolean {
    if (attempt.method === 'biometric') return this.device.biometric !== 'none' && attempt.match;
    return this.rules.passwordTaken(this.device) && attempt.password === this.device.lockSecret;
  }
}
