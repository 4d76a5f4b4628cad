/**
 * The judgement of one corpus entry's replay: it still reproduces when the run failed exactly the requirements the
 * entry expects, no fewer (the kit lost the finding) and no more (the finding changed). A replay whose target could
 * not be tested, or whose checks errored, is neither: it is an error, named with the run's reason.
 */
import type { Summary } from './summary-schema.js';

export type CorpusOutcome =
  | { readonly status: 'reproduced'; readonly failed: readonly string[] }
  | {
      readonly status: 'lost';
      readonly failed: readonly string[];
      /** Expected to fail and did not. */
      readonly missing: readonly string[];
      /** Failed without being expected. */
      readonly extra: readonly string[];
    }
  | { readonly status: 'error'; readonly reason: string };

export function judgeReplay(expected: readonly string[], summary: Summary): CorpusOutcome {
  if (summary.verdict === 'error') return { status: 'error', reason: summary.reason ?? 'the run could not judge' };
  // A requirement the kit could not judge says nothing about the finding either way.
  const errored = summary.requirements.filter((r) => r.verdict === 'error').map((r) => r.id);
  if (errored.length > 0) return { status: 'error', reason: `could not judge ${errored.join(', ')}` };
  const failed = summary.requirements.filter((r) => r.verdict === 'fail').map((r) => r.id);
  const missing = expected.filter((id) => !failed.includes(id));
  const extra = failed.filter((id) => !expected.includes(id));
  if (missing.length === 0 && extra.length === 0) return { status: 'reproduced', failed };
  return { status: 'lost', failed, missing, extra };
}

/** One line per entry, as the console shows it. */
export function outcomeLine(name: string, outcome: CorpusOutcome): string {
  switch (outcome.status) {
    case 'reproduced':
      return `  ok    ${name}: fails ${outcome.failed.join(', ') || 'nothing'}, as expected`;
    case 'error':
      return `  ERROR ${name}: ${outcome.reason}`;
    case 'lost': {
      const parts = [
        outcome.missing.length > 0 ? `no longer fails ${outcome.missing.join(', ')}` : '',
        outcome.extra.length > 0 ? `now also fails ${outcome.extra.join(', ')}` : '',
      ];
      return `  LOST  ${name}: ${parts.filter(Boolean).join('; ')}`;
    }
  }
}
