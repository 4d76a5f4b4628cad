/**
 * The checkers of what moves between phone and server beyond uploads: free up space removed only items the server
 * had confirmed; each code and push approval is accepted at most once; a migration loses nothing.
 */
import { anomaly, type Anomaly } from './anomaly.js';
import type { CodeKind, History } from './history.js';
import { completions, precedes, type OpOf } from './queries.js';

/** Every item free up space removed was acknowledged, or listed by the server, before free up space began. */
export function freedOnlyConfirmed(history: History): Anomaly[] {
  const found: Anomaly[] = [];
  const acks = completions(history, 'upload', 'ok');
  const lists = completions(history, 'list', 'ok');
  for (const freeUp of completions(history, 'free-up', 'ok')) {
    const confirmed = (sha: string) =>
      acks.some((a) => a.process === freeUp.process && a.value.sha256 === sha && precedes(a, freeUp)) ||
      lists.some(
        (l) => l.process === freeUp.process && precedes(l, freeUp) && l.value.items?.some((i) => i.sha256 === sha),
      );
    const unconfirmed = freeUp.value.removed.filter((sha) => !confirmed(sha));
    if (unconfirmed.length > 0) {
      const names = unconfirmed.map((sha) => sha.slice(0, 12)).join(', ');
      found.push(anomaly('freed-only-confirmed', ['FUS-06'], `removed unconfirmed item(s) ${names}`, [freeUp]));
    }
  }
  return found;
}

const ONCE_RULE: Record<CodeKind, string> = { totp: 'TOTP-12', sms: 'REC-14', email: 'REC-14', push: 'PUSH-10' };

/** No code (of one kind, for one account) is accepted twice. */
export function acceptedOnce(history: History): Anomaly[] {
  const found: Anomaly[] = [];
  const first = new Map<string, OpOf<'code'>>();
  for (const op of completions(history, 'code', 'ok')) {
    const key = `${op.process}\u0000${op.value.kind}\u0000${op.value.code}`;
    const earlier = first.get(key);
    if (!earlier) first.set(key, op);
    else {
      const what = `${op.value.kind} code ${op.value.code}`;
      found.push(anomaly('accepted-once', [ONCE_RULE[op.value.kind]], `${what} accepted twice`, [earlier, op]));
    }
  }
  return found;
}

/** After a migration, the replacement's first listing holds every item the original had acknowledged before it. */
export function migrationKeepsAll(history: History): Anomaly[] {
  const found: Anomaly[] = [];
  const acks = completions(history, 'upload', 'ok');
  for (const migrate of completions(history, 'migrate', 'ok')) {
    const list = completions(history, 'list', 'ok').find((l) => l.process === migrate.value.to && precedes(migrate, l));
    if (!list) continue;
    const lost = acks.find(
      (a) =>
        a.process === migrate.process &&
        precedes(a, migrate) &&
        !list.value.items?.some((item) => item.sha256 === a.value.sha256),
    );
    if (lost) {
      const sha = lost.value.sha256.slice(0, 12);
      found.push(anomaly('migration-keeps-all', ['MIG-10'], `item ${sha} lost in migration`, [lost, migrate, list]));
    }
  }
  return found;
}
