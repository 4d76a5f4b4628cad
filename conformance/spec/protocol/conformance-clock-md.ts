/** The "Conformance clock" section of PROTOCOL.md: what a server implements so that a kit can judge its rules of time. */
import { ERRORS } from '../errors.js';
import {
  CONFORMANCE_CLOCK_CAPABILITY,
  FROZEN_CLOCK_CAPABILITY,
  FROZEN_CLOCK_START_MS,
  MAX_CLOCK_OFFSET_MS,
  RANDOMNESS_KEY_HEADER,
} from './conformance-clock.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const off = ERRORS['conformance-clock-off'];

export const CONFORMANCE_CLOCK_RULES = `
## Conformance clock (for a full verdict)
Many rules are rules of time: pairing and registration tokens expire after 10 minutes, a push request after 5, an SMS
code after 5, an e-mail code after a day, a trusted browser after 30 days; one-time passwords move on every 30 s;
throttling waits grow to 15 minutes. A kit judges them without waiting by moving the server's clock. A server that
offers this is judged on every rule; one that does not is judged on the rest, and every check that needs the clock
is reported untested with the reason ("needs the conformance clock").

- **Off by default.** Only a server started for conformance testing offers it (the reference server:
  \`mbsc serve --conformance-clock\`). A production server must never have it on.
- **Advertised.** On, \`GET /v1/info\` lists \`"${CONFORMANCE_CLOCK_CAPABILITY}"\` in \`capabilities\`; off, it does
  not (an empty list, or no \`capabilities\` at all).
- **One clock.** The server's clock is its wall clock plus an offset, \`offsetMs\` (0 when started). Every timing
  decision reads it: token and registration lifetimes, one-time password steps and the last step accepted, push
  request lifetimes, SMS and e-mail code lifetimes and the expiry time the e-mail states, throttling waits and
  \`retryAfterMs\`, trusted browsers, the retention of anything that expires, and every time the server reports or
  stores (\`registeredAt\`, \`startedAt\`, the \`blocks/<yyyy-mm-dd-hh-mm-ss>\` folder of a backup job).
- **Frozen (optional).** A server may also offer a clock that stands still: it reads
  ${new Date(FROZEN_CLOCK_START_MS).toISOString()} (${FROZEN_CLOCK_START_MS} ms) plus \`offsetMs\`, and nothing but
  \`PUT\` moves it. It then lists \`"${FROZEN_CLOCK_CAPABILITY}"\` beside \`"${CONFORMANCE_CLOCK_CAPABILITY}"\` (the
  reference server: \`mbsc serve --conformance-clock --frozen-clock\`). Whether a request lands in a code step or past a
  lifetime then depends on the kit's moves alone, not on how fast the machine answered, and the same seed gives the
  same run; the kit reads such a clock as the fixed start plus the offset it set, and starts the reference server so.
- **Seeded randomness (optional, with the frozen clock).** Every request of the kit names the generated case it
  belongs to in a \`${RANDOMNESS_KEY_HEADER}\` header (1 to 64 letters, digits, \`-\` or \`_\`). A server whose
  ids, secrets and codes come from a seed may draw a request's from a stream of that key, begun the first time the
  key is seen: a case then gets the same values in a full run and alone in its replay. Any server may ignore it.
- **Routes** (console key): \`GET /v1/console/conformance/clock\` answers \`{"now": <epoch ms the server reads now>,
  "offsetMs": <offset>}\`; \`PUT /v1/console/conformance/clock\` with \`{"offsetMs": N}\` sets the offset and answers the
  same. N is a whole number from 0 to ${MAX_CLOCK_OFFSET_MS} (${MAX_CLOCK_OFFSET_MS / DAY_MS} days); a smaller offset
  than before moves the clock back, which is how a kit puts it back after a check. Any other body is
  \`400 invalid-request\` and changes nothing.
- **Refused when off.** Without conformance testing both routes answer \`${off.status} conformance-clock-off\` once the
  console key is checked (a wrong key is still \`401 console-unauthorized\`), whatever the body, and change nothing.
- **Checked.** When a session opens, the kit moves the clock forward 60 s, reads it, puts it back and reads it again.
  A clock that does not move as told (not at all, backwards, by another amount) is reported as exactly that: the
  checks of time are skipped with what the server did, and the check of this section fails with it.
`;
