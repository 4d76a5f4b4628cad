/**
 * `mbsc load`'s options as a load plan, checked: the server a URL on this machine's loopback interface (unless
 * --allow-remote), the phones and the duration within the load mode's limits, the console key given.
 */
import { defaultRampMs, LOAD_DEFAULTS, LOAD_LIMITS, type LoadPlan } from '../../conformance/load/load-plan.js';
import { CLIENT_ERRORS } from '../../conformance/spec/errors.js';
import { isHttpUrl, randomSeed, seedOption, UsageError, type ParsedOptions } from '../command.js';
import type { LOAD_OPTIONS } from './load-options.js';

export function loadPlanOf(options: ParsedOptions<typeof LOAD_OPTIONS>): LoadPlan {
  const server = options.server ?? usage('--server URL is required: the base URL of the server to load.');
  if (!isHttpUrl(server))
    usage(`--server ${server}: give the base URL with its scheme, such as http://127.0.0.1:50000`);
  const host = new URL(server).hostname;
  if (!options['allow-remote'] && !isLoopback(host)) {
    throw new UsageError(
      `--server ${server}: ${CLIENT_ERRORS['load-host-refused']} Add --allow-remote to load another machine, ` +
        "with its owner's consent.",
      'load-host-refused',
    );
  }
  const consoleKey =
    options['console-key'] ?? usage('--console-key KEY is required: phones pair with tokens the console key issues.');
  const devices = bounded('devices', options.devices, LOAD_LIMITS.maxDevices);
  const durationMs = bounded('duration', options.duration, LOAD_LIMITS.maxDurationS) * 1000;
  const rampMs =
    options.ramp === undefined
      ? defaultRampMs(durationMs)
      : whole('ramp', options.ramp, 0, LOAD_LIMITS.maxDurationS) * 1000;
  if (rampMs > durationMs) usage(`--ramp ${options.ramp} is longer than --duration ${options.duration}.`);
  return {
    server: server.replace(/\/+$/, ''),
    devices,
    durationMs,
    consoleKey,
    ...(options.password === undefined ? {} : { password: options.password }),
    rampMs,
    thinkMs: whole('think', options.think, 0, 600_000),
    loginEveryMs: whole('login-every', options['login-every'], 10, 600_000),
    items: whole('items', options.items, 1, LOAD_LIMITS.maxItems),
    itemBytes: whole('item-kb', options['item-kb'], 1, LOAD_LIMITS.maxItemKb) * 1024,
    requestTimeoutMs: LOAD_DEFAULTS.requestTimeoutMs,
    seed: seedOption(options.seed) ?? randomSeed(),
  };
}

/** 127.0.0.0/8, ::1 and the name localhost: this machine, without asking a resolver. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/** --devices and --duration: a whole number from 1 to the load mode's limit, or a usage error with the code. */
function bounded(name: string, value: string, max: number): number {
  if (/^\d+$/.test(value) && Number(value) > max) {
    throw new UsageError(
      `--${name} ${value}: ${CLIENT_ERRORS['load-limits']} At most ${max}${name === 'duration' ? ' s' : ''}.`,
      'load-limits',
    );
  }
  return whole(name, value, 1, max);
}

function whole(name: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    usage(`--${name} must be a whole number from ${min} to ${max}, not "${value}".`);
  }
  return Number(value);
}

function usage(message: string): never {
  throw new UsageError(message);
}
