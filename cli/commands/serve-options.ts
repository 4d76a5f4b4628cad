/** The options `mbsc serve` takes: read by its help without loading its action (serve-action.ts). */
import { EDITION_NAMES } from '../../conformance/spec/editions.js';
import { REFERENCE_DESKTOP_VERSION } from '../../conformance/spec/versions.js';

export const SERVE_OPTIONS = {
  edition: { type: 'string', description: 'Edition of the desktop program', choices: EDITION_NAMES, default: 'pro' },
  data: {
    type: 'string',
    description: 'Data directory (metadata and backed-up files)',
    placeholder: 'DIR',
    default: 'mbs-data',
  },
  host: { type: 'string', description: 'Address to bind', placeholder: 'H', default: '0.0.0.0' },
  port: {
    type: 'string',
    description: "TCP port (default: the edition's, or the next free in range)",
    placeholder: 'P',
  },
  'udp-port': {
    type: 'string',
    description: "UDP discovery port (default: the edition's, or next free)",
    placeholder: 'P',
  },
  'advertise-host': {
    type: 'string',
    description: 'Host put in the pairing QR and discovery answers',
    placeholder: 'H',
  },
  name: { type: 'string', description: 'Server name shown to devices', placeholder: 'NAME' },
  'console-key': {
    type: 'string',
    description: "The desktop side's key (default: the one kept in the data directory, made on first start)",
    placeholder: 'KEY',
  },
  'sms-webhook': {
    type: 'string',
    description: 'POST SMS messages as JSON to this URL (default: the outbox)',
    placeholder: 'URL',
  },
  'email-webhook': {
    type: 'string',
    description: 'POST e-mail messages as JSON to this URL (default: the outbox)',
    placeholder: 'URL',
  },
  'push-webhook': {
    type: 'string',
    description: 'POST each 2FA push request as JSON to this push service (default: the app fetches it)',
    placeholder: 'URL',
  },
  'desktop-version': {
    type: 'string',
    description: `Desktop-program version to state and keep to (default ${REFERENCE_DESKTOP_VERSION})`,
    placeholder: 'V',
  },
  'push-number-matching': { type: 'boolean', description: '2FA push requests carry a number to match in the app' },
  'conformance-clock': {
    type: 'boolean',
    description: "For conformance testing: let the console key move the server's clock (off by default)",
  },
  'frozen-clock': {
    type: 'boolean',
    description: 'With --conformance-clock: the clock stands still and only the console key moves it',
  },
  'conformance-crash-points': {
    type: 'boolean',
    description:
      'For conformance testing only: die (SIGKILL) at the crash point a file in the data directory arms (off by default)',
  },
  'disk-quota': {
    type: 'string',
    description: "Refuse items' bytes past this many in the data directory, as a full disk would (default none)",
    placeholder: 'BYTES',
  },
  fault: {
    type: 'string',
    description: 'Run a faulty server variant, for testing a conformance kit (see mbsc selftest --list)',
    placeholder: 'NAME,NAME',
  },
} as const;
