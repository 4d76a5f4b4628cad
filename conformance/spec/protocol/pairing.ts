/**
 * The pairing QR payload: what the desktop program shows and the app scans. It is the app's link (app-link.ts),
 * which a phone's camera opens, with the pairing fields in its fragment:
 * `https://app.example.com/pair#v=1&server=…&edition=pro&host=…&tcp=50000&udp=50200&token=…&mode=add&expires=…`.
 * The app also reads the first payload, the same fields as `mbs://pair?…`, from servers that still show it.
 */
import Type, { type Static } from 'typebox';
import Value from 'typebox/value';
import { matchesSchema } from '../compiled-schemas.js';
import { MbsError } from '../errors.js';
import { APP_VERSION_PATTERN } from '../versions.js';
import { APP_LINK, LEGACY_PAIRING_SCHEME } from './app-link.js';
import { DeviceName, EditionSchema, EpochMs, Id, Platform, Port } from './common.js';

export const PROTOCOL_VERSION = 1;
export const PairingMode = Type.Union([Type.Literal('add'), Type.Literal('migrate')]);
export const PairingToken = Type.String({ pattern: '^[A-Za-z0-9_-]{16,128}$' });

export const PairingPayload = Type.Object(
  {
    v: Type.Literal(PROTOCOL_VERSION),
    server: Id,
    edition: EditionSchema,
    host: Type.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9.:_-]+$' }),
    tcp: Port,
    udp: Port,
    token: PairingToken,
    mode: PairingMode,
    expires: EpochMs,
  },
  { additionalProperties: false },
);
export type PairingPayload = Static<typeof PairingPayload>;

const NUMERIC_FIELDS = new Set(['v', 'tcp', 'udp', 'expires']);

function fieldsOf(payload: PairingPayload): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(payload)) query.set(key, String(value));
  return query.toString();
}

/** The QR text of a pairing: the app link with the fields in its fragment. */
export function encodePairingPayload(payload: PairingPayload): string {
  return `${APP_LINK}#${fieldsOf(payload)}`;
}

/** The first payload's QR text, `mbs://pair?…`: what older servers show; no camera opens it. */
export function encodeLegacyPairingPayload(payload: PairingPayload): string {
  return `${LEGACY_PAIRING_SCHEME}//pair?${fieldsOf(payload)}`;
}

/** The fields a scanned QR text carries: the app link's fragment, or the first payload's query. */
function fieldsIn(text: string): URLSearchParams {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new MbsError('pairing-payload-invalid', 'The QR code is not a pairing payload (not a URL).');
  }
  if (url.protocol === 'https:' && `${url.origin}${url.pathname}` === APP_LINK && url.search === '') {
    return new URLSearchParams(url.hash.slice(1));
  }
  if (url.protocol === LEGACY_PAIRING_SCHEME && url.host === 'pair') return url.searchParams;
  throw new MbsError(
    'pairing-payload-invalid',
    `The QR code is not a pairing payload (${url.protocol}//${url.host}${url.protocol === 'https:' ? url.pathname : ''}).`,
  );
}

/** Parses scanned QR text; anything that is not a v1 pairing payload is `pairing-payload-invalid`. */
export function decodePairingPayload(text: string): PairingPayload {
  const candidate: Record<string, unknown> = {};
  for (const [key, value] of fieldsIn(text)) {
    candidate[key] = NUMERIC_FIELDS.has(key) && /^\d+$/.test(value) ? Number(value) : value;
  }
  if (!matchesSchema(PairingPayload, candidate)) {
    const fields = [...Value.Errors(PairingPayload, candidate)].map((e) => e.instancePath || '/').join(', ');
    throw new MbsError('pairing-payload-invalid', `The pairing payload has invalid fields: ${fields}.`, { fields });
  }
  return candidate;
}

export const CreatePairingRequest = Type.Union([
  Type.Object({ mode: Type.Literal('add') }, { additionalProperties: false }),
  Type.Object({ mode: Type.Literal('migrate'), originalDeviceId: Id }, { additionalProperties: false }),
]);
export const CreatePairingResponse = Type.Object({
  pairingId: Id,
  token: PairingToken,
  mode: PairingMode,
  expiresAt: EpochMs,
  payload: Type.String({ description: 'The QR text, encodePairingPayload(...).' }),
  tcpPort: Port,
  udpPort: Port,
});

export const PairingParams = Type.Object({ pairingId: Id });
export const PairingStatus = Type.Object({
  pairingId: Id,
  mode: PairingMode,
  expiresAt: EpochMs,
  status: Type.Union([Type.Literal('waiting'), Type.Literal('paired'), Type.Literal('expired')], {
    description: 'waiting: no device used the token yet and it has not expired; paired: deviceId used it.',
  }),
  deviceId: Type.Optional(Id),
});

export const DeviceIdentity = Type.Object(
  {
    name: DeviceName,
    model: Type.String({ minLength: 1, maxLength: 64 }),
    platform: Platform,
    osVersion: Type.String({ pattern: '^\\d{1,2}(\\.\\d{1,2}){0,2}$' }),
    installId: Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$', description: 'Stable id of this app installation.' }),
  },
  { additionalProperties: false },
);

export const AppVersion = Type.String({
  pattern: APP_VERSION_PATTERN,
  description:
    "The app's version: `1.6.2` on Android, a build number such as `281` on iOS. A migration needs 1.5.0 (Android) " +
    'or 268 (iOS) or later and refuses an older one with `app-version-unsupported`; an app that states none is ' +
    'not checked.',
});

export const PairRequest = Type.Object(
  { token: PairingToken, edition: EditionSchema, device: DeviceIdentity, appVersion: Type.Optional(AppVersion) },
  { additionalProperties: false },
);
export const PairResponse = Type.Object({
  deviceId: Id,
  deviceKey: Type.String({ description: 'Bearer secret for every device route; shown once.' }),
  name: DeviceName,
  backupPath: Type.String({ description: 'Folder of this device under the data directory, relative.' }),
  registeredAt: EpochMs,
  migratedFrom: Type.Optional(Type.Object({ deviceId: Id, name: DeviceName })),
});
