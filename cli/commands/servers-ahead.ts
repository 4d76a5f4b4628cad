/**
 * The reference servers' threads `mbsc run` is sure to start, known from its options alone, before it loads the
 * kit: one per edition of a run on the reference server in this thread, one for all in the smoke subset. They start
 * then (conformance/targets/server-threads.ts) and load the server while the command loads the suites, on a
 * machine's other core. Any doubt (a config or matrix file, another target, --list, threads of cells, an option that does
 * not read) starts none ahead: the run then starts its servers as it did.
 */
import { DEFAULT_EDITIONS, EDITION_NAMES } from '../../conformance/spec/editions.js';
import { merge, type Values } from './run-options.js';

export function serversAhead(values: Values): number {
  if (!wellFormed(values)) return 0;
  const elsewhere = values.server ?? values['server-image'] ?? values.corpus ?? values.config ?? values.devices;
  if (values.list || elsewhere !== undefined) return 0;
  if (values.threads !== undefined && Number(values.threads) !== 1) return 0;
  const named =
    values.editions === undefined
      ? DEFAULT_EDITIONS
      : [...new Set(values.editions.split(',').map((name) => name.trim()))];
  if (!named.every((name) => (EDITION_NAMES as readonly string[]).includes(name))) return 0;
  // The smoke subset's servers share one thread (cli/commands/run-target.ts).
  return values.smoke ? Math.min(1, named.length) : named.length;
}

/** Whether the options read well on their own: bad input starts nothing, it only gets its usage error. */
function wellFormed(values: Values): boolean {
  try {
    merge(values, {});
    return true;
  } catch {
    return false;
  }
}
