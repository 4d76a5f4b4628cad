/**
 * Which checks a run runs: all, or those covering the requirements asked for (`--requirements`), those with a tag
 * (`--tags`, matched against check tags and areas), or named checks (`--checks`). Unknown ids get the nearest known.
 * A check marked opt-in runs only when its id or one of its own tags is asked for.
 */
import { ClientError } from '../spec/errors.js';
import { didYouMean } from '../spec/nearest-name.js';
import type { Check } from '../kit/check.js';

export interface Selection {
  readonly checks: Check[];
  /** The requirement ids asked for, when a run is narrowed to them. */
  readonly requirements?: ReadonlySet<string>;
}

export function selectChecks(
  all: readonly Check[],
  knownRequirements: readonly string[],
  filter: { requirements?: readonly string[]; tags?: readonly string[]; checks?: readonly string[] },
): Selection {
  const asked = (c: Check) =>
    filter.checks?.includes(c.id) === true ||
    (c.tags ?? []).some((t) => filter.tags?.some((asked) => asked.toLowerCase() === t.toLowerCase()));
  let checks = all.filter((c) => c.optIn === undefined || asked(c));
  if (filter.checks) {
    const ids = all.map((c) => c.id);
    for (const id of filter.checks) {
      if (!ids.includes(id)) throw new ClientError('requirement-unknown', `No check "${id}".${didYouMean(id, ids)}`);
    }
    checks = checks.filter((c) => filter.checks?.includes(c.id));
  }
  if (filter.tags) {
    const tags = filter.tags.map((t) => t.toLowerCase());
    checks = checks.filter((c) => [c.area, ...(c.tags ?? [])].some((t) => tags.includes(t.toLowerCase())));
  }
  if (!filter.requirements) return { checks };
  for (const id of filter.requirements) {
    if (!knownRequirements.includes(id)) {
      throw new ClientError('requirement-unknown', `No requirement "${id}".${didYouMean(id, knownRequirements)}`);
    }
  }
  const wanted = new Set(filter.requirements);
  return { checks: checks.filter((c) => c.requirements.some((r) => wanted.has(r))), requirements: wanted };
}
