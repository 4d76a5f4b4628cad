/** The self-test's faulty variants of free up space's plan (free-up-space.ts): each bends one part of the rule. */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const FREE_UP_SPACE_FAULTS = {
  'frees-unconfirmed-items': {
    // Takes every item as confirmed by the server.
    freesItem: (rule) => (item) => rule(item, () => true),
  },
  'frees-documents': {
    freesKind: (rule) => (kind) => rule(kind) || kind === 'document',
  },
  'frees-newest-first': {
    freeUpOrder: (rule) => (a, b) => rule(b, a),
  },
  'frees-beyond-limit': {
    // Stops one item late: only once the limit was already reached before the last item removed.
    enoughFreed: (rule) => (free, limit, removed) => {
      const last = removed.at(-1);
      return last !== undefined && rule(free - last.size, limit, removed.slice(0, -1));
    },
  },
  'frees-past-limit-reached': {
    // Reaching the limit exactly is not taken as reached: one item more goes.
    enoughFreed: (rule) => (free, limit, removed) => free !== limit && rule(free, limit, removed),
  },
  'limit-in-gibibytes': {
    // Reckons a GB as 2^30 bytes, so it frees up space with up to 7% more than the limit free.
    limitBytes: () => (limitGb) => limitGb * 2 ** 30,
  },
  'frees-at-limit': {
    // "Below the limit" written as <=: with exactly the limit free, the oldest item goes.
    belowLimit: (rule) => (free, limit) => free === limit || rule(free, limit),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
