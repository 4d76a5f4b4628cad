/**
 * The reference servers' threads `mbsc run` is sure to start, known from its options alone, before it loads the
 * kit: one for a run on the reference server in this thread, which holds every edition's servers
 * (conformance/targets/reference-target.ts). It starts then (conformance/targets/server-threads.ts) and loads the
 * server while the command loads the suites, on a machine's other core. Any doubt (a config or matrix file, another
 * target, --list, threads of cells, an option that does not read) starts none ahead: the run then starts its server
 * thread as it did.
 */
import { EDITION_NAMES } from '../../conformance/spec/editions.js';
import { merge, type Values } from './run-options.js';

export function serversAhead(values: Values): number {
  if (!wellFormed(values)) return 0;
  const elsewhere = values.server ?? values['server-image'] ?? values.corpus ?? values.config ?? values.devices;
  if (values.list || elsewhere !== undefined) return 0;
  if (values.threads !== undefined && Number(values.threads) !== 1) return 0;
  const named = values.editions?.split(',').map((name) => name.trim()) ?? [];
  return named.every((name) => (EDITION_NAMES as readonly string[]).includes(name)) ? 1 : 0;
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
