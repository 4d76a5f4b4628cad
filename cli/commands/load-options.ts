/** The options `mbsc load` takes: read by its help without loading its action (load-action.ts). */
import { LOAD_DEFAULTS, LOAD_LIMITS } from '../../conformance/load/load-plan.js';

export const LOAD_OPTIONS = {
  server: { type: 'string', description: 'The server to load, by its base URL', placeholder: 'URL' },
  'console-key': {
    type: 'string',
    description: "The server's console key: the desktop side that issues pairing tokens, 2FA registrations, logins",
    placeholder: 'KEY',
  },
  devices: {
    type: 'string',
    description: `Simulated phones, 1 to ${LOAD_LIMITS.maxDevices}`,
    placeholder: 'N',
    default: '10',
  },
  duration: {
    type: 'string',
    description: `Seconds of load, 1 to ${LOAD_LIMITS.maxDurationS}; operations under way then get a short grace`,
    placeholder: 'S',
    default: '30',
  },
  ramp: {
    type: 'string',
    description: 'Seconds over which the phones start (default a quarter of the duration, at most 30)',
    placeholder: 'S',
  },
  think: {
    type: 'string',
    description: 'Mean pause of a phone between operations, in ms',
    placeholder: 'MS',
    default: String(LOAD_DEFAULTS.thinkMs),
  },
  'login-every': {
    type: 'string',
    description: 'The desktop side starts one 2FA login this often, in ms (a desktop logs in once per session)',
    placeholder: 'MS',
    default: String(LOAD_DEFAULTS.loginEveryMs),
  },
  items: {
    type: 'string',
    description: `Items per backup, 1 to ${LOAD_LIMITS.maxItems}`,
    placeholder: 'N',
    default: String(LOAD_DEFAULTS.items),
  },
  'item-kb': {
    type: 'string',
    description: `Size of each item in KB, 1 to ${LOAD_LIMITS.maxItemKb}`,
    placeholder: 'KB',
    default: String(LOAD_DEFAULTS.itemBytes / 1024),
  },
  password: {
    type: 'string',
    description: "The server's password lock password, for logins where it has one",
    placeholder: 'P',
  },
  seed: {
    type: 'string',
    description: 'Seed of the item bytes and the pauses (default: random, printed)',
    placeholder: 'N',
  },
  out: {
    type: 'string',
    description: 'Report folder: load.json, load.html, load-junit.xml',
    placeholder: 'DIR',
    default: 'reports/out',
  },
  'allow-remote': {
    type: 'boolean',
    description: "Load a server that is not on this machine (only with its owner's consent: this is a load test)",
  },
  quiet: { type: 'boolean', description: 'No progress line; only the closing summary' },
} as const;
