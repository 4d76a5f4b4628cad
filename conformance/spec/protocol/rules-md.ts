/**
 * PROTOCOL.md's rules for every route: conventions, the order in which errors are decided, bodies, editions and
 * ports, discovery, pairing and migration. "MUST" marks what a compatible server is held to; what only the reference
 * server does is said to be so.
 */
import { EDITION_NAMES, EDITIONS } from '../editions.js';
import { MAX_DATAGRAM_BYTES } from './discovery.js';
import { linkTo } from './schema-md.js';
import { APP_LINK, APP_STORE_PAGES } from './app-link.js';

const editionRows = EDITION_NAMES.map((e) => {
  const x = EDITIONS[e];
  return `| ${e} | ${x.tcp.first}-${x.tcp.last} | ${x.udp.first}-${x.udp.last} | ${x.twoFactor ? 'yes' : 'no'} |`;
}).join('\n');
const storePages = `Google Play: \`${APP_STORE_PAGES.android}\`, App Store: \`${APP_STORE_PAGES.ios}\``;

export const CONVENTIONS_MD = `
## Conventions
- Transport: HTTP/1.1 over TCP on the edition's port (below). Bodies are JSON (\`application/json\`, UTF-8) except
  appended upload bytes (\`application/offset+octet-stream\`) and restore downloads (\`application/octet-stream\`).
- Authentication: device routes take \`Authorization: Bearer <deviceKey>\` (returned once by \`POST /v1/pair\`);
  desktop-side ("console") routes take \`x-mbs-console-key: <key>\`, a secret of the desktop program; 2FA
  authenticator routes take \`Authorization: Bearer <authenticatorKey>\` (returned once when the app registers).
- Every error is ${linkTo('ErrorResponse')} with the HTTP status the error catalogue gives its code. Clients classify
  errors by \`code\` only. No input may make a server answer 5xx (a failing SMS or e-mail gateway is
  \`502 gateway-failed\`, and a server whose disk is full refuses a write as \`507 server-disk-full\`, keeping nothing
  of it, except an upload's appended bytes when its completion is refused: the upload stays at its full size and an
  append of no bytes at that offset completes it once there is room; no input causes either).
- Requests are validated strictly: wrong types and unknown keys in JSON bodies are \`invalid-request\`; a bad name
  is \`invalid-name\`. A refused request changes nothing, on disk or in the server's records.
- **Bodies.** A route with a body schema takes a JSON body even when the schema is the empty object
  (${linkTo('Empty')}): the client sends \`{}\` with \`Content-Type: application/json\`. A server MUST refuse such a
  request without a content type as \`415 unsupported-media-type\`, and with the JSON type but no bytes as
  \`400 invalid-json\`. A route without a body schema ignores any body.
- A successful answer has the status its route gives, whatever the answer says: \`POST /v1/uploads\` answers
  \`201\` for \`created\`, \`resumed\` and \`duplicate\` alike; \`status\` in the body tells them apart.

### Which error comes first
A request with several faults is answered with the first of these, in this order (a server MUST keep it, so an
unauthenticated caller learns nothing about bodies or records):
1. no route has this path (\`404 route-not-found\`) or not with this method (\`405 method-not-allowed\`);
2. a route of the \`twoFactor\` group on an edition without 2FA (\`404 2fa-not-supported\`);
3. authentication (\`401 device-unauthorized\`, \`console-unauthorized\`, \`authenticator-unauthorized\`);
4. the body's content type, size and syntax (\`415 unsupported-media-type\`, \`413 body-too-large\`,
   \`400 invalid-json\`);
5. the schemas of path, body, query and headers (\`400 invalid-request\`, \`invalid-name\`);
6. the route's own rules: first that what the request names exists (\`…-not-found\`), then its state
   (\`login-state\`, \`backup-closed\`, …), then the rest. A login action that its state does not allow is
   \`login-state\` whatever its body holds: a wrong password or code sent then is neither judged nor counted.

## Editions and ports
A server listens on its edition's TCP port for HTTP and its UDP port for discovery. The default is the first port of
each range; when it is taken, the server uses the next free port of the range and reports the ports it actually has
(in discovery answers, \`GET /v1/info\` and the pairing payload). TCP and UDP are separate port spaces.

| edition | TCP range | UDP range | two-factor authentication |
| --- | --- | --- | --- |
${editionRows}

## Discovery (UDP)
The app sends one datagram, a JSON object of at most ${MAX_DATAGRAM_BYTES} bytes (${linkTo('DiscoveryRequest')}), to
the UDP port (or every port of the range) of a host or a broadcast address. A server answers the sender with one
datagram, ${linkTo('DiscoveryAnswer')}: \`host\` and the ports are what the app should connect to. A server ignores,
and never answers, anything that is not a valid request, and a request for another edition.

\`host\` is the address the server advertises on the LAN, whatever address the request reached: a request sent to
127.0.0.1 is answered with the LAN address too (the answer says where devices connect, not where this request
went). A rule of the reference server only (\`--advertise-host\` sets it); an app MUST accept any \`host\` it can
reach.

## Pairing
The desktop side issues a pairing token (\`POST /v1/console/pairings\`), shown as a QR code whose text is the app's
link with the pairing fields in its fragment:
\`${APP_LINK}#v=1&server=…&edition=…&host=…&tcp=…&udp=…&token=…&mode=add|migrate&expires=…\`
(${linkTo('PairingPayload')}).

- A server MUST show that link: an https URL, exactly \`${APP_LINK}\` before its \`#\`, with no query. A
  phone's camera opens it, and its page sends a phone without the app to the app's listing in its store; the
  installed app claims the link and reads the QR code itself. The fields go in the fragment, which a browser
  never sends, so that page never learns the token or the server's address. The listings:
  ${storePages}.
- The first payload, the same fields as \`mbs://pair?v=1&…\`, is still read by the app, so a server that shows it
  still pairs; no camera opens it, so such a server fails the rule above.
- A token is single-use and expires 10 minutes after it is issued (its \`expiresAt\`). Unknown: \`pairing-token-invalid\`; used:
  \`pairing-token-used\`; expired: \`pairing-token-expired\`. A refused pairing does not use the token up.
- The app sends the edition it read from the payload; another edition than the server's is \`pairing-edition-mismatch\`.
- A QR text that is not a pairing payload is refused by the app itself (\`pairing-payload-invalid\`, an app-side
  code that no route answers).
- \`installId\` identifies an app installation. An installation already paired with this server is refused:
  \`device-already-paired\` when adding, \`migration-target-paired\` when migrating.
- \`registeredAt\` is when this device paired; \`backupPath\` is \`<device name>/<registration epoch ms>\` of the
  device whose folder it writes to. For a device that paired as itself the number equals its \`registeredAt\`.

### Migration
With \`mode=migrate\`, naming the original device, a server MUST:
- give the replacement the original's backup folder: its \`backupPath\` is the original's, so after a migration the
  number in the path is the original's registration time while \`registeredAt\` is the replacement's own;
- list the replacement under its own name with \`migratedFrom\`; take the original off the list and revoke its key;
- hand every item of the original to the replacement, listed in its Archive tab and restorable to it; the latest
  snapshot (with its 2FA accounts) becomes the replacement's;
- discard the original's unfinished uploads (their bytes are dropped; they are never confirmed), also one whose
  bytes are all in (its completion refused for a full disk, or its last append under way as the migration lands):
  the replacement can neither resume nor complete one, and an append under way is refused; its backup jobs, open or
  committed, pass to the replacement, which may commit an open one;
- continue the original's sequence of stored names: the replacement's first stored file takes the next number;
- count the inherited items as held: announcing one of them from the replacement is answered \`duplicate\`.
`;
