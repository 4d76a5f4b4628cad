/**
 * What the 2FA QR codes carry. The app scans `mbs2fa://register?v=1&server=…&edition=…&host=…&tcp=…&udp=…&token=…
 * &expires=…&otpauth=…`: where to register, a single-use expiring token, and the TOTP account. Third-party
 * authenticators take the otpauth URI alone, in Google's Key URI Format.
 */
import Type, { type Static } from 'typebox';
import Value from 'typebox/value';
import { matchesSchema } from '../compiled-schemas.js';
import { MbsError } from '../errors.js';
import { EditionSchema, EpochMs, Id, Port } from './common.js';

export const REGISTRATION_SCHEME = 'mbs2fa:';

export const RegistrationPayload = Type.Object(
  {
    v: Type.Literal(1),
    server: Id,
    edition: EditionSchema,
    host: Type.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9.:_-]+$' }),
    tcp: Port,
    udp: Port,
    token: Type.String({ pattern: '^[A-Za-z0-9_-]{16,128}$' }),
    expires: EpochMs,
    otpauth: Type.String({ pattern: '^otpauth://totp/' }),
  },
  { additionalProperties: false },
);
export type RegistrationPayload = Static<typeof RegistrationPayload>;

const NUMERIC_FIELDS = new Set(['v', 'tcp', 'udp', 'expires']);

export function encodeRegistrationPayload(payload: RegistrationPayload): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(payload)) query.set(key, String(value));
  return `mbs2fa://register?${query.toString()}`;
}

/** Parses scanned QR text; anything that is not a v1 registration payload is `registration-invalid`. */
export function decodeRegistrationPayload(text: string): RegistrationPayload {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new MbsError('registration-invalid', 'The QR code is not a 2FA registration payload (not a URL).');
  }
  if (url.protocol !== REGISTRATION_SCHEME || url.host !== 'register') {
    throw new MbsError('registration-invalid', `The QR code is not a 2FA registration payload (${url.protocol}).`);
  }
  const candidate: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) {
    candidate[key] = NUMERIC_FIELDS.has(key) && /^\d+$/.test(value) ? Number(value) : value;
  }
  if (!matchesSchema(RegistrationPayload, candidate)) {
    const fields = [...Value.Errors(RegistrationPayload, candidate)].map((e) => e.instancePath || '/').join(', ');
    throw new MbsError('registration-invalid', `The registration payload has invalid fields: ${fields}.`, { fields });
  }
  return candidate;
}

export interface OtpauthParameters {
  readonly issuer: string;
  readonly label: string;
  readonly secret: string;
}

/**
 * `otpauth://totp/<Issuer>:<label>?secret=…&issuer=<Issuer>&algorithm=SHA1&digits=6&period=30`: the issuer both
 * in the label and as a parameter, each part URI-encoded (spaces as %20, which every authenticator reads).
 */
export function buildOtpauthUri({ issuer, label, secret }: OtpauthParameters): string {
  const query = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: '6', period: '30' });
  const path = `${encodeURIComponent(issuer)}:${encodeURIComponent(label)}`;
  return `otpauth://totp/${path}?${query.toString().replaceAll('+', '%20')}`;
}
