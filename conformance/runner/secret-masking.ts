/**
 * What of an exchange must never reach a report: the keys that grant access (a device's or an authenticator's
 * bearer key, the console key), the tokens that pair a device or register an authenticator, TOTP secret keys (also
 * inside otpauth URIs and QR payloads) and passwords. A report is shared with whoever reads CI logs; a one-time code
 * is fine to show (it is spent or expires within minutes, and it is often the very value a check is about).
 */

/** JSON fields and query parameters holding a secret, compared without case. */
const SECRET_NAMES = [
  'deviceKey',
  'authenticatorKey',
  'consoleKey',
  'token',
  'pairingToken',
  'registrationToken',
  'trustedBrowserToken',
  'secret',
  'secretKey',
  'password',
  'newPassword',
  'confirmPassword',
].map((name) => name.toLowerCase());

/** Headers holding a secret: the bearer keys, the console key, cookies. */
const SECRET_HEADERS = ['authorization', 'x-mbs-console-key', 'cookie', 'set-cookie'];

/** Stands for a secret: its length still shows, since an empty or a truncated key is often the finding. */
export function masked(value: string): string {
  return `[masked: ${value.length} chars]`;
}

export function isSecretName(name: string): boolean {
  return SECRET_NAMES.includes(name.toLowerCase());
}

export function maskHeader(name: string, value: string): string {
  if (!SECRET_HEADERS.includes(name.toLowerCase())) return value;
  // The scheme stays: a check may be about a missing or a wrong one.
  const bearer = /^(Bearer|Basic)\s+(.*)$/i.exec(value);
  return bearer ? `${bearer[1]} ${masked(bearer[2] ?? '')}` : masked(value);
}

/** A parsed JSON value with each secret field's value masked, and secrets inside URIs in any string. */
export function maskJson(value: unknown): unknown {
  if (typeof value === 'string') return maskInText(value);
  if (Array.isArray(value)) return value.map(maskJson);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      isSecretName(key) && typeof inner === 'string' ? masked(inner) : maskJson(inner),
    ]),
  );
}

/** `=` as is, percent-encoded once (`%3D`) or twice (`%253D`): a URI carried inside another URI's parameter. */
const EQUALS = String.raw`=|%3D|%253D`;
/** What may open a `name=value` pair: `?` or `&` in any of the three forms, or a word boundary. */
const PAIR_LEAD = String.raw`[?&]|%3F|%26|%253F|%2526|\b`;
/** A value runs up to the next `&` or `#` (in any of the three forms), quote or blank. */
const PAIR_VALUE = String.raw`(?:(?!%26|%2526|%23|%2523)[^&\s"#])+`;
const PAIR = new RegExp(`(${PAIR_LEAD})([A-Za-z]+)(${EQUALS})(${PAIR_VALUE})`, 'gi');

/**
 * Masks `name=value` pairs of URIs and forms (an otpauth URI's secret, a QR payload's token), also when the URI sits
 * percent-encoded inside another one's parameter (the QR payload's `otpauth=otpauth%3A…%3Fsecret%3D…`): a pair whose
 * name holds no secret keeps its name, and its value is searched in turn.
 */
function maskPairs(text: string): string {
  return text.replace(PAIR, (_whole, lead: string, name: string, equals: string, value: string) =>
    isSecretName(name) ? `${lead}${name}${equals}${masked(value)}` : `${lead}${name}${equals}${maskPairs(value)}`,
  );
}

/**
 * Masks secrets in text that is not (or not whole) JSON: `name=value` in URIs and forms, raw or percent-encoded, and
 * `"name": "value"` in a JSON body cut short.
 */
export function maskInText(text: string): string {
  return (
    maskPairs(text)
      // A value cut off at the end of the text has no closing quote, and is masked all the same.
      .replace(
        /"([A-Za-z]+)"(\s*:\s*)"((?:[^"\\]|\\.)*)("|$)/g,
        (whole, name: string, colon: string, value: string, close: string) =>
          isSecretName(name) ? `"${name}"${colon}"${masked(value)}${close}` : whole,
      )
  );
}
