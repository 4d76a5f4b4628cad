/** 2FA rows as SQLite returns them, and their protocol shapes. */
import type { Authenticator } from '../../conformance/spec/protocol/two-factor.js';
import type { LoginState } from '../../conformance/spec/protocol/two-factor-login.js';

export interface AuthenticatorRow {
  id: string;
  name: string;
  kind: 'app' | 'totp';
  push: 0 | 1;
  secret: string;
  key_hash: string | null;
  install_id: string | null;
  platform: 'android' | 'ios' | null;
  device_id: string | null;
  registered_at: number;
  last_time_step: number;
  recovery_phone: string | null;
}

export interface RegistrationRow {
  id: string;
  token_hash: string;
  secret: string;
  username: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface LoginRow {
  id: string;
  state: LoginState;
  created_at: number;
  trusted: 0 | 1;
  push_request_id: string | null;
  recovery_authenticator_id: string | null;
  completed_at: number | null;
  push_unreachable: 0 | 1;
}

export interface PushRow {
  seq: number;
  /** The request's number among its authenticator's: what the app's notifications show and page by. */
  auth_seq: number;
  id: string;
  login_id: string;
  authenticator_id: string;
  sent_at: number;
  expires_at: number;
  number: number | null;
  number_choices: string | null;
  status: 'pending' | 'approved' | 'rejected' | 'voided';
  answered_at: number | null;
}

export interface CodeRow {
  purpose: string;
  channel: 'sms' | 'email';
  recipient: string;
  letters: string;
  digits: string;
  sent_at: number;
  expires_at: number;
}

export function toAuthenticator(row: AuthenticatorRow): Authenticator {
  const out: Authenticator = {
    authenticatorId: row.id,
    name: row.name,
    kind: row.kind,
    push: row.push === 1,
    registeredAt: row.registered_at,
  };
  if (row.platform !== null) out.platform = row.platform;
  if (row.device_id !== null) out.deviceId = row.device_id;
  if (row.recovery_phone !== null) out.recoveryPhoneLastDigits = row.recovery_phone.slice(-2);
  return out;
}
