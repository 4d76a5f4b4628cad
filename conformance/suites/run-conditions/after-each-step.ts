/**
 * What the run-conditions commands check after every step, against the model (model.ts): the app
 * holds backup for exactly the reasons the rules give, the server holds exactly the items backed up, and an open
 * job is held and says why. A wrong hold reason is blamed on the requirements that reason comes from.
 */
import { Violation } from '../../kit/violation.js';
import type { ConditionsApp } from './port.js';
import { expectedHolds, type Model } from './model.js';

/** Which requirements a wrong hold reason breaks; the battery's, by the state it went wrong in. */
const RULES_OF_REASON: Record<string, (m: Model) => readonly string[]> = {
  'not-on-backup-lan': () => ['RUN-01'],
  'battery-low': (m) => batteryRules(m),
  'not-charging': () => ['RUN-12', 'RUN-13'],
};

/** A wrong battery hold with power saving off, at exactly 30% or while charging breaks the rule of that case. */
function batteryRules(m: Model): readonly string[] {
  if (!m.powerSaving) return ['RUN-07'];
  if (m.battery === 30) return ['RUN-04'];
  if (m.battery < 30 && m.charging) return ['RUN-03', 'RUN-06'];
  return ['RUN-03', 'RUN-10'];
}

/**
 * What the app must say for a reason it holds (RUN-01 "says so", RUN-12 "says a power source is needed"): a
 * message naming the reason, in any words. The battery's message is RUN-09's, checked on its own screen.
 */
const SAYS: Record<string, { readonly rule: string; readonly names: RegExp; readonly what: string }> = {
  'not-on-backup-lan': { rule: 'RUN-01', names: /wi-?fi|network|\blan\b/i, what: 'the network it needs' },
  'not-charging': { rule: 'RUN-12', names: /power|charg|plug/i, what: 'that it needs a power source' },
};

function brokenBy(m: Model, actual: readonly string[], expected: readonly string[]): string[] {
  const differing = [...actual.filter((r) => !expected.includes(r)), ...expected.filter((r) => !actual.includes(r))];
  return [...new Set(differing.flatMap((r) => RULES_OF_REASON[r]?.(m) ?? []))];
}

export async function verify(m: Model, app: ConditionsApp): Promise<void> {
  const seen = await app.observe();
  const expected = expectedHolds(m);
  if (JSON.stringify(seen.holds) !== JSON.stringify(expected)) {
    throw new Violation(
      brokenBy(m, seen.holds, expected),
      `app holds for [${seen.holds.join(', ')}], the rules say [${expected.join(', ')}]`,
    );
  }
  if (seen.stored !== m.backedUp) {
    throw new Violation(
      ['BAK-07', 'BAK-08', 'RUN-13'],
      `the server holds ${seen.stored} items, ${m.backedUp} were expected`,
    );
  }
  if (m.jobOpen && seen.jobState !== 'held') {
    throw new Violation(['RUN-10', 'RUN-12'], `the job should be held, it is ${seen.jobState}`);
  }
  if (m.jobOpen && JSON.stringify(seen.jobHolds) !== JSON.stringify(expected)) {
    throw new Violation(
      brokenBy(m, seen.jobHolds, expected),
      `the job says it holds for [${seen.jobHolds.join(', ')}], the rules say [${expected.join(', ')}]`,
    );
  }
  for (const reason of m.jobOpen ? expected : []) {
    const says = SAYS[reason];
    const message = seen.messages[reason] ?? '';
    if (says && !says.names.test(message)) {
      throw new Violation([says.rule], `held for ${reason}, the app says "${message}", not ${says.what}`);
    }
  }
}
