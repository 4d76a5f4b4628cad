/**
 * Renders PROTOCOL.md: the rules in prose, then every route and error from the same data the server and client
 * use. test/conformance/spec/protocol/protocol-md.test.ts fails when the committed file is out of date.
 */
import { EDITION_NAMES, EDITIONS } from '../editions.js';
import { ERROR_CODES, ERRORS } from '../errors.js';
import { FILE_TYPES, ITEM_KINDS } from '../file-types.js';
import { CONFORMANCE_CLOCK_RULES } from './conformance-clock-md.js';
import { DiscoveryAnswer, DiscoveryRequest, MAX_DATAGRAM_BYTES } from './discovery.js';
import { PairingPayload } from './pairing.js';
import { ROUTE_NAMES, ROUTES, type RouteSpec } from './routes.js';

const json = (value: unknown) => ['```json', JSON.stringify(value, null, 2), '```'].join('\n');

const RULES = `
## Conventions
- Transport: HTTP/1.1 over TCP on the edition's port (below). Bodies are JSON (\`application/json\`, UTF-8) except
  appended upload bytes (\`application/offset+octet-stream\`) and restore downloads (\`application/octet-stream\`).
- Authentication: device routes take \`Authorization: Bearer <deviceKey>\` (returned once by \`POST /v1/pair\`);
  desktop-side ("console") routes take \`x-mbs-console-key: <key>\`, a secret of the desktop program; 2FA
  authenticator routes take \`Authorization: Bearer <authenticatorKey>\` (returned once when the app registers).
- Every error is \`{"code": "...", "message": "...", "details": {...}?}\` with the HTTP status the error catalogue
  gives its code. Clients classify errors by \`code\` only. No input may make a server answer 5xx (a failing SMS or
  e-mail gateway is \`502 gateway-failed\`, which no input causes).
- Requests are validated strictly: wrong types and unknown keys in JSON bodies are \`invalid-request\`; a bad name
  is \`invalid-name\`. A refused request changes nothing, on disk or in the server's records.

## Editions and ports
A server listens on its edition's TCP port for HTTP and its UDP port for discovery. The default is the first port of
each range; when it is taken, the server uses the next free port of the range and reports the ports it actually has
(in discovery answers, \`GET /v1/info\` and the pairing payload). TCP and UDP are separate port spaces.

| edition | TCP range | UDP range | two-factor authentication |
| --- | --- | --- | --- |
${EDITION_NAMES.map((e) => {
  const x = EDITIONS[e];
  return `| ${e} | ${x.tcp.first}-${x.tcp.last} | ${x.udp.first}-${x.udp.last} | ${x.twoFactor ? 'yes' : 'no'} |`;
}).join('\n')}

## Discovery (UDP)
The app sends one datagram, a JSON object of at most ${MAX_DATAGRAM_BYTES} bytes, to the UDP port (or every port of
the range) of a host or a broadcast address. A server answers the sender with one datagram. A server ignores, and
never answers, anything that is not a valid request, and a request for another edition.

Request:
${json(DiscoveryRequest)}

Answer (\`host\` and the ports are what the app should connect to):
${json(DiscoveryAnswer)}

## Pairing
The desktop side issues a pairing token (\`POST /v1/console/pairings\`), shown as a QR code whose text is
\`mbs://pair?v=1&server=…&edition=…&host=…&tcp=…&udp=…&token=…&mode=add|migrate&expires=…\`. Its fields:
${json(PairingPayload)}

- A token is single-use and expires (the reference server: 10 minutes). Unknown: \`pairing-token-invalid\`; used:
  \`pairing-token-used\`; expired: \`pairing-token-expired\`. A refused pairing does not use the token up.
- The app sends the edition it read from the payload; another edition than the server's is \`pairing-edition-mismatch\`.
- \`installId\` identifies an app installation. An installation already paired with this server is refused:
  \`device-already-paired\` when adding, \`migration-target-paired\` when migrating.
- **Migration** (\`mode=migrate\`, naming the original device): the replacement takes over the original's backup
  folder, which keeps its path; the device list shows the replacement's name; the original leaves the list and its
  key stops working; the inherited items are listed in the replacement's Archive tab and restorable to it, and the
  latest snapshot (with its 2FA accounts) becomes the replacement's.

## Backup
1. \`POST /v1/backups\` starts a job. Each job writes its items under its own \`blocks/<yyyy-mm-dd-hh-mm-ss>\` folder.
2. For each item, \`POST /v1/uploads\` announces its SHA-256, size and metadata. Items are content-addressed: an item
   this device already backed up is answered \`duplicate\` with the held item, and no second copy is written. An
   unfinished upload of the same bytes is answered \`resumed\` with its current offset.
3. \`PATCH /v1/uploads/{id}\` appends bytes with \`Upload-Offset\` equal to the current offset (ask with
   \`GET /v1/uploads/{id}\`); any other offset is \`409 upload-offset-mismatch\` with \`details.expectedOffset\`.
   \`Content-Length\` is required, and bytes past the declared size are refused. Bytes that reached the server before
   a connection dropped are kept, so the upload resumes from there.
4. When the offset reaches the declared size, the server hashes the bytes it holds. A mismatch discards the upload
   (\`422 upload-checksum-mismatch\`); a match confirms the item, durably, and answers it. Until then the upload is
   never listed, restored or counted. The app only frees up space for items a server has confirmed.
5. \`POST /v1/backups/{id}/commit\` records the snapshot: the confirmed items still on the device and the 2FA
   accounts. Naming an item never confirmed is \`snapshot-items-missing\`. The answer carries the counts the app shows
   ("49 Photos, 5 Videos, 0 Files, and 2 2FA Accounts"): the items this job stored (a duplicate is not stored again,
   so a job with nothing new counts 0), by kind, with documents and audio as files, and the 2FA accounts.

Supported types (by extension, case-insensitive): ${ITEM_KINDS.map((k) => `${k}: ${FILE_TYPES[k].join(', ')}`).join('; ')}.

## Listing and restore
Confirmed items are listed by tab: **recent** (in the latest snapshot, on the device), **archive** (removed from the
device by free up space, reported with \`POST /v1/items/archive\`, or inherited by migration) and **deleted** (gone
from the device, still restorable while the device stays registered). An archived item stays archived until a
snapshot lists it as present again. Pages are ordered by upload order and continue with \`cursor\`. Only the latest
state of each item is restorable. \`GET /v1/items/{sha256}/content\` returns the bytes, byte-identical;
\`Range: bytes=N-\` resumes a download.

## Two-factor authentication (Pro and Lite)
On an edition without 2FA (Home) every route of the \`twoFactor\` group answers \`404 2fa-not-supported\`, before
authentication. 2FA is on while at least one authenticator is registered.

- **Registering.** \`POST /v1/console/2fa/registrations\` issues a registration: a fresh secret key of 16 base32
  characters (80 bits), its otpauth URI and a QR payload for the app. The URI is
  \`otpauth://totp/<Issuer>:<username>?secret=…&issuer=<Issuer>&algorithm=SHA1&digits=6&period=30\`, with the issuer
  in the label and as a parameter, each part URI-encoded. The payload is
  \`mbs2fa://register?v=1&server=…&edition=…&host=…&tcp=…&udp=…&token=…&expires=…&otpauth=…\`. A registration is
  completed once, before it expires (the reference server: 10 minutes), in one of three ways: the app scans the QR
  code (\`POST /v1/2fa/authenticators\`: push and TOTP); the app is given the username and secret key and sends a
  one-time password (\`POST /v1/2fa/authenticators/by-secret\`: TOTP only); or any authenticator app is given the
  secret key and the desktop side types its one-time password (\`…/registrations/{id}/confirm\`: TOTP only). The app
  receives an \`authenticatorKey\`. An app installation registers once (\`authenticator-already-registered\`).
- **One-time passwords**: RFC 6238 with HMAC-SHA1, 6 digits, 30 s steps from T0 = 0. A code is accepted in its own
  step and one step either side, never two; each authenticator's codes are accepted once, and only for a step later
  than the last one accepted from it (\`otp-replayed\`). The code that completes a registration is used up too.
- **Throttling**, per kind (one-time passwords, the password lock, SMS codes, e-mail codes, registrations, each
  app's phone verification): 5 consecutive failures are free; then each attempt waits 30 s after the last failure,
  doubling up to 15 minutes, answered \`429 otp-throttled\` with \`details.retryAfterMs\` and not evaluated. A success
  resets the count. Apart from that count, a refused request changes nothing.
- **Push approval** through the push notification service: the app polls \`GET /v1/pns/notifications?after=<seq>\`.
  A request lives 5 minutes from sending (alive at 4:59.999, expired at 5:00.000) and is answered once, only by the
  authenticator it was sent to (any other gets \`push-not-found\`). Resend sends a new request and voids the earlier
  one; so does the login ending another way. An expired, voided or rejected request never logs in. With number
  matching (a server option, off by default) the desktop shows a number the app must send back; a wrong one is
  \`push-number-mismatch\` and counts as a rejection.
- **Login** (\`POST /v1/console/logins\`, then actions on it): \`password\` when a password lock is set, then
  \`choose-method\` (or \`otp\` when no authenticator takes push), \`push-wait\` → \`push-rejected\` | \`push-expired\`, and
  \`logged-in\`. Every state after the password offers push (Resend), a one-time password and "Unable to login"; an
  action the state does not allow is \`409 login-state\` with \`details.state\`. A one-time password sent with
  \`trustBrowser\` returns a \`trustedBrowserToken\`; a later login with it skips the one-time code (not the password)
  for 30 days. With 2FA off, the login completes after the password.
- **Unable to login**: choose the registered device to discard (it needs a verified recovery phone); give its
  recovery phone number in full (the login shows its last two digits; another number is \`recovery-phone-mismatch\`
  and sends nothing); type the six digits of the SMS code \`ABCD-123456\` (the login shows the letters), valid 5
  minutes, voided by a resend. The device is then removed, the login completes, and the answer carries a new
  registration to pair the app again.
- **Forgot password**: the license e-mail address (another is \`email-mismatch\`) gets a code of the same shape, valid
  through the second 24 hours less one second after the one it was sent in (sent 14:22:35, last accepted 14:22:34.999
  the next day, the time its e-mail states); its digits and a new password of 8 characters or more, typed twice,
  reset the lock, and the login asks for the password again.
- **Reset** (\`POST /v1/console/2fa/reset\`) needs a valid one-time password and removes every authenticator,
  registration and trusted browser.
- **Migration**: when an app registers by QR code naming its device id, and that device is the replacement of a
  migration, the original device's authenticators stop taking push requests; their one-time passwords stay valid,
  as the seed says. A device registered for 2FA cannot be the replacement in a migration (\`migration-target-paired\`).
- SMS and e-mail leave through a gateway: the reference server's outbox (\`GET /v1/console/outbox\`, \`mbsc outbox\`)
  or a webhook that takes \`{"channel": "sms"|"email", "to": "…", "subject": "…"?, "text": "…"}\`; a gateway that fails
  is \`502 gateway-failed\`, and nothing is recorded.

## Storage layout of the reference server (informative)
\`<data>/<device name>/<registration epoch ms>/blocks/<yyyy-mm-dd-hh-mm-ss>/0/<hex sequence>.<EXT>\`, with the
sequence in lower-case hex of at least six digits and the extension in upper case (\`00002d.PNG\`). The original
name and path stay in the metadata. Server-private state is in \`<data>/.mbs/\`.
`;

function routeSection(name: string, spec: RouteSpec): string {
  const lines = [`### ${name}: \`${spec.method} ${spec.path}\``, '', spec.summary, '', `Authentication: ${spec.auth}.`];
  const part = (title: string, schema: unknown) => {
    if (schema === undefined) return;
    lines.push('', `${title}:`, schema === 'bytes' ? 'raw bytes' : json(schema));
  };
  part('Path parameters', spec.params);
  part('Query', spec.query);
  part('Headers', spec.headers);
  part('Body', spec.body);
  lines.push(
    '',
    `Success: ${spec.status}${spec.response === null ? ', no body' : spec.response === 'bytes' ? ', the bytes' : ''}.`,
  );
  if (spec.response !== null && spec.response !== 'bytes') lines.push(json(spec.response));
  if (spec.errors.length > 0) lines.push('', `Errors: ${spec.errors.map((c) => `\`${c}\``).join(', ')}.`);
  return lines.join('\n');
}

export function renderProtocolMarkdown(): string {
  return [
    '# Mobile Backup Server protocol, version 1',
    '',
    'For people implementing a compatible server or app. Generated from `conformance/spec/protocol/` by',
    '`npm run docs:protocol`; the reference server serves the same routes as OpenAPI 3.1 at `GET /openapi.json`.',
    RULES,
    CONFORMANCE_CLOCK_RULES,
    '## Routes',
    '',
    '| route | method and path | auth | summary |',
    '| --- | --- | --- | --- |',
    ...ROUTE_NAMES.map(
      (n) => `| ${n} | \`${ROUTES[n].method} ${ROUTES[n].path}\` | ${ROUTES[n].auth} | ${ROUTES[n].summary} |`,
    ),
    '',
    ...ROUTE_NAMES.map((n) => `${routeSection(n, ROUTES[n])}\n`),
    '## Error codes',
    '',
    '| code | status | meaning |',
    '| --- | --- | --- |',
    ...ERROR_CODES.map((c) => `| \`${c}\` | ${ERRORS[c].status} | ${ERRORS[c].message} |`),
    '',
  ].join('\n');
}
