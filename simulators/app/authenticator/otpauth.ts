/**
 * otpauth:// URIs in Google's Key URI Format, the form authenticator apps accept:
 * `otpauth://totp/Issuer:label?secret=BASE32&issuer=Issuer&algorithm=SHA1&digits=6&period=30`.
 */
import { ClientError } from '../../../conformance/spec/errors.js';

export interface TotpParameters {
  readonly issuer: string;
  readonly label: string;
  /** Upper-case base32, no padding. */
  readonly secret: string;
  readonly algorithm: 'SHA1';
  readonly digits: 6;
  readonly period: 30;
}

const BASE32 = /^[A-Z2-7]+=*$/;

/** Normalises a typed secret key: spaces and dashes dropped, upper case, checked as base32. */
export function normaliseSecret(secret: string): string {
  const clean = secret.replace(/[\s-]/g, '').toUpperCase();
  if (clean.length < 16 || clean.length > 128 || !BASE32.test(clean)) {
    throw new ClientError('otpauth-invalid', 'The secret key must be at least 16 base32 characters (A-Z, 2-7).');
  }
  return clean.replace(/=+$/, '');
}

export function buildOtpauthUri(p: TotpParameters): string {
  const label = `${encodeURIComponent(p.issuer)}:${encodeURIComponent(p.label)}`;
  const query = new URLSearchParams({
    secret: p.secret,
    issuer: p.issuer,
    algorithm: p.algorithm,
    digits: String(p.digits),
    period: String(p.period),
  });
  return `otpauth://totp/${label}?${query.toString().replace(/\+/g, '%20')}`;
}

export function parseOtpauthUri(text: string): TotpParameters {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ClientError('otpauth-invalid', 'Not an otpauth:// URI.');
  }
  if (url.protocol !== 'otpauth:' || url.hostname !== 'totp')
    throw new ClientError('otpauth-invalid', 'Only otpauth://totp/ URIs are TOTP accounts.');
  const path = decodeURIComponent(url.pathname.replace(/^\//, ''));
  const colon = path.indexOf(':');
  const labelIssuer = colon >= 0 ? path.slice(0, colon) : undefined;
  const label = colon >= 0 ? path.slice(colon + 1) : path;
  const issuer = url.searchParams.get('issuer') ?? labelIssuer ?? '';
  if (labelIssuer !== undefined && issuer !== labelIssuer) {
    throw new ClientError(
      'otpauth-invalid',
      `The issuer in the label (${labelIssuer}) and the parameter (${issuer}) differ.`,
    );
  }
  const algorithm = (url.searchParams.get('algorithm') ?? 'SHA1').toUpperCase();
  const digits = url.searchParams.get('digits') ?? '6';
  const period = url.searchParams.get('period') ?? '30';
  if (algorithm !== 'SHA1' || digits !== '6' || period !== '30') {
    throw new ClientError('otpauth-invalid', 'Only SHA1, 6 digits and 30 seconds are supported.');
  }
  return {
    issuer,
    label,
    secret: normaliseSecret(url.searchParams.get('secret') ?? ''),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  };
}
