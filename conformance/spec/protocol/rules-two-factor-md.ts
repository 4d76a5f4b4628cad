/**
 * PROTOCOL.md's rules for two-factor authentication: registering, one-time passwords, throttling, push approval,
 * the login (its state machine rendered from login-table.ts), recovery, the password lock, and the outbox through
 * which a server's SMS and e-mail codes are read.
 */
import { LOGIN_STATES } from './two-factor-login.js';
import { LOGIN_ACTION_ROUTES, LOGIN_ACTIONS, LOGIN_ALLOWED, LOGIN_EVENTS, LOGIN_NEXT } from './login-table.js';
import { ROUTES } from './routes.js';
import { linkTo } from './schema-md.js';

function loginTable(): string {
  const head = `| state | ${LOGIN_ACTIONS.join(' | ')} |`;
  const rule = `| --- |${LOGIN_ACTIONS.map(() => ' --- |').join('')}`;
  const rows = LOGIN_STATES.map(
    (state) =>
      `| \`${state}\` | ${LOGIN_ACTIONS.map((a) => (LOGIN_ALLOWED[state].includes(a) ? `→ ${LOGIN_NEXT[a].join(' / ')}` : '409')).join(' | ')} |`,
  );
  const routes = LOGIN_ACTIONS.map((a) => `\`${a}\`: \`${ROUTES[LOGIN_ACTION_ROUTES[a]].path.split(':loginId/')[1]}\``);
  const events = LOGIN_EVENTS.map((e) => `- in \`${e.from}\`, when ${e.event}: \`${e.to}\` (seen by \`GET\`).`);
  return [
    `Actions (\`POST /v1/console/logins/{loginId}/<action>\`): ${routes.join(', ')}.`,
    '',
    'A cell gives the state a successful action leads to; "409" is `login-state` with `details.state`, and the',
    'login does not change. A refused action (a wrong password, a wrong code) leaves the state as it was. The',
    'password leads to `choose-method` when a registered device takes push, to `otp` when none does, and to',
    '`logged-in` with 2FA off or a trusted browser token. In `otp` the push action is allowed but every device',
    'answers `push-unavailable`. A login starts in `password` with a password lock, else where the password would',
    'have led.',
    '',
    head,
    rule,
    ...rows,
    '',
    'Without an action:',
    ...events,
  ].join('\n');
}

export const TWO_FACTOR_MD = `
## Two-factor authentication (Pro and Lite)
On an edition without 2FA (Home) every route of the \`twoFactor\` group answers \`404 2fa-not-supported\`, before
authentication. 2FA is on while at least one authenticator is registered.

- **Registering.** \`POST /v1/console/2fa/registrations\` issues a registration: a fresh secret key of 16 base32
  characters (80 bits), never one an earlier registration had, its otpauth URI and a QR payload for the app. The URI
  is \`otpauth://totp/<Issuer>:<username>?secret=…&issuer=<Issuer>&algorithm=SHA1&digits=6&period=30\`, with the
  issuer in the label and as a parameter, each part URI-encoded. The payload is
  \`mbs2fa://register?v=1&server=…&edition=…&host=…&tcp=…&udp=…&token=…&expires=…&otpauth=…\`. A registration is
  completed once, within 10 minutes of being issued (its \`expiresAt\`), in one of three ways: the app scans the QR
  code (\`POST /v1/2fa/authenticators\`: push and TOTP); the app is given the username and secret key and sends a
  one-time password (\`POST /v1/2fa/authenticators/by-secret\`: TOTP only); or any authenticator app is given the
  secret key and the desktop side types its one-time password (\`…/registrations/{id}/confirm\`: TOTP only). The app
  receives an \`authenticatorKey\`. An app installation registers once (\`authenticator-already-registered\`).
- **One-time passwords**: RFC 6238 with HMAC-SHA1, 6 digits, 30 s steps from T0 = 0. A code is accepted in its own
  step and one step either side, never two; each authenticator's codes are accepted once, and only for a step later
  than the last one accepted from it (\`otp-replayed\`). The code that completes a registration is used up too.
- **Push approval** through the push notification service: the app polls \`GET /v1/pns/notifications?after=<seq>\`.
  A page lists the requests sent to the app after that \`seq\`, oldest first, at most \`limit\` (default 100), and
  may hold fewer while more follow; \`last\` is the \`seq\` of the last request in the page, or \`after\` itself when
  the page is empty. The app goes on from \`last\` until a page is empty: only that says it has read them all.
  A request lives 5 minutes from sending (alive at 4:59.999, expired at 5:00.000) and is answered once
  (\`push-already-answered\`), only by the authenticator it was sent to (any other gets \`push-not-found\`). Resend
  sends a new request and voids the earlier one; so does the login ending another way. An expired, voided or
  rejected request never logs in. With number matching (a server option, off by default) the desktop shows a number
  the app must send back; a wrong one is \`push-number-mismatch\` and counts as a rejection.
- **Unable to login**: choose the registered device to discard (it needs a verified recovery phone); give its
  recovery phone number in full (the login shows its last two digits; another number is \`recovery-phone-mismatch\`
  and sends nothing); type the six digits of the SMS code \`ABCD-123456\` (the login shows the letters), valid 5
  minutes, voided by a resend. The device is then removed, the login completes, and the answer carries a new
  registration to pair the app again.
- **Forgot password**: the license e-mail address (another is \`email-mismatch\`) gets a code of the same shape, valid
  through the second 24 hours less one second after the one it was sent in (sent 14:22:35, last accepted 14:22:34.999
  the next day); its digits and a new password of 8 characters or more, typed twice, reset the lock, and the login
  asks for the password again. Asking again sends a new code and voids the earlier one.
- **Codes by SMS and e-mail** are accepted once each: using one ends its step, and a later attempt with it is refused.
- **Reset** (\`POST /v1/console/2fa/reset\`) needs a valid one-time password and removes every authenticator,
  registration and trusted browser.
- **Migration**: when an app registers by QR code naming its device id, and that device is the replacement of a
  migration, the original device's authenticators stop taking push requests; their one-time passwords stay valid,
  as the seed says. A device registered for 2FA cannot be the replacement in a migration (\`migration-target-paired\`).

### Throttling
A server MUST throttle guesses, one count per kind for the whole server (not per account, login or registration):
one-time passwords (logins and Reset), the password lock, SMS codes of "Unable to login", e-mail codes of "Forgot
password", and the one-time passwords that complete a registration by secret key or on the desktop; and one count
per authenticator for the SMS codes verifying its recovery phone. A failure is a refusal with \`otp-invalid\`,
\`otp-replayed\` (a replayed code is a guess like any other), \`password-invalid\` or \`verification-code-invalid\`;
nothing else counts (an unknown registration, an expired code, \`login-state\`). 5 consecutive failures are free;
then each attempt waits 30 s after the last failure, doubling up to 15 minutes, answered \`429 otp-throttled\` with
\`details.retryAfterMs\` (what remains of the wait: the wait less the time since the last failure, in milliseconds)
and not evaluated. A success resets the count. Apart from that count, a refused request
changes nothing.

### Send limit
A server MUST limit the SMS and e-mail codes it sends, one count per purpose: a login's recovery SMS, a login's
"Forgot password" e-mail, an authenticator's recovery phone verification. At most 5 codes go out for one purpose
within any 10 minutes, Resend included; one more is answered \`429 send-limited\` with \`details.retryAfterMs\`
(until the oldest of those 5 is 10 minutes old), sends nothing and changes nothing: the code sent last stays good.

### The login: a state machine
\`POST /v1/console/logins\` starts a login; each action answers the login as it now stands (${linkTo('Login')}). A one-time
password sent with \`trustBrowser\` returns a \`trustedBrowserToken\`; a later login with it skips the one-time code
(not the password) for 30 days.

${loginTable()}

### The outbox: SMS and e-mail codes
The kit reads every code a server sends, so every server with 2FA MUST offer \`GET /v1/console/outbox\` (console
key): the SMS and e-mail messages it sent, oldest first, each with a \`seq\` that grows by at least one per message.
\`?after=<seq>\` gives the messages after that one (at most \`limit\`, default 100), and \`last\` is the \`seq\` of
the last message in the page, or \`after\` itself when the page is empty, so a reader continues from \`last\`. A
server that delivers through a real gateway also records each message here. A message's \`text\` MUST contain the
code as \`ABCD-123456\` (four capital letters, a hyphen, six digits), once; the SMS text of the reference server is
\`Verification Code: ABCD-123456\`. An e-mail names its sender in \`from\` as \`Name <address>\`; the "Forgot
password" e-mail comes from the password-lock notification sender, named \`PNS\` (\`PNS <pns@example.com>\`, as the
seed's sample "From: PNS <…>"). It has a \`subject\` and states when the code expires,
as \`The code will expire at DD/MM/YYYY HH:MM:SS UTC.\` (the last whole second it is accepted in, in UTC:
\`05/11/2020 06:22:34 UTC\`).

The reference server sends through its outbox, or through a webhook (\`--sms-webhook\`, \`--email-webhook\`) that
takes \`{"channel": "sms"|"email", "to": "…", "from": "…"?, "subject": "…"?, "text": "…"}\`; a gateway that fails is
\`502 gateway-failed\`, and nothing is recorded. \`mbsc outbox\` prints its outbox.

A login's push request goes through the push notification service, which the server reaches outbound on ports 80
and 443. A push service that is down, slow or failing when the desktop sends a push (or Resend) is
\`502 gateway-failed\`: no request is recorded and the login stays where it was. When the service cannot be reached
as a login comes to its second factor (its ports blocked), the login MUST say so with \`"pushService":
"unreachable"\`, list no device under \`methods.push\` and offer the one-time password (\`state: "otp"\`). The
reference server posts each push as \`{"channel": "push", "to": "<authenticatorId>", "loginId": "…", "machine":
"…", "text": "…"}\` to \`--push-webhook\` and asks that URL with \`HEAD\` whether it can be reached (any HTTP answer
means it can); without one the app fetches its notifications and the service is always reachable. A kit judges
this rule by starting a server like yours with a push service of its own and then taking it away: give the URL of
that service as a word of your start command (\`mbsc validate --own-server\` with its \`{pushWebhook}\` placeholder).
`;
