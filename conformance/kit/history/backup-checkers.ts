/**
 * The durability checkers: every upload the server acknowledged is listed and restores byte for byte; no partial
 * item is ever listed or counted; an item gone from the server never comes back. Each returns its anomalies, each
 * with the fewest operations that show it.
 */
import { anomaly, type Anomaly } from './anomaly.js';
import type { History, Op } from './history.js';
import { completions, mayHaveLanded, precedes, type OpOf } from './queries.js';

/** After its acknowledgement an item is in every listing of its device and restores as the bytes it had. */
export function acknowledgedKept(history: History): Anomaly[] {
  const found: Anomaly[] = [];
  const removals = completions(history, 'remove-device', 'ok');
  for (const ack of completions(history, 'upload', 'ok')) {
    const { sha256, size } = ack.value;
    const mine = (op: Op) => op.process === ack.process && precedes(ack, op);
    const removed = removals.find(mine);
    const before = (op: Op) => !removed || op.index < removed.index;
    const unlisted = completions(history, 'list', 'ok').find(
      (list) => mine(list) && before(list) && !list.value.items?.some((item) => item.sha256 === sha256),
    );
    if (unlisted) {
      found.push(
        anomaly('acknowledged-kept', ['BAK-08'], `acknowledged item ${sha256.slice(0, 12)} not listed`, [
          ack,
          unlisted,
        ]),
      );
      continue;
    }
    const badRead = completions(history, 'read').find(
      (read) =>
        mine(read) &&
        before(read) &&
        read.value.sha256 === sha256 &&
        (read.type === 'fail' ||
          (read.type === 'ok' && (read.value.gotSha256 !== sha256 || read.value.gotSize !== size))),
    );
    if (badRead) {
      const what = badRead.type === 'fail' ? 'refused to restore' : 'restored other bytes for';
      found.push(
        anomaly('acknowledged-kept', ['BAK-08'], `server ${what} acknowledged item ${sha256.slice(0, 12)}`, [
          ack,
          badRead,
        ]),
      );
    }
  }
  return found;
}

/**
 * A listed item had all its bytes sent by some upload begun before the listing ended, and is listed at its size; a
 * job counts no more items than it may have stored.
 */
export function noPartialItem(history: History): Anomaly[] {
  const found: Anomaly[] = [];
  const uploads = completions(history, 'upload');
  for (const list of completions(history, 'list', 'ok')) {
    for (const item of list.value.items ?? []) {
      const tried = uploads.filter((u) => u.process === list.process && u.value.sha256 === item.sha256);
      const whole = tried.find((u) => mayHaveLanded(u) && u.invokedAt !== undefined && u.invokedAt < list.index);
      if (whole && whole.value.size === item.size) continue;
      const why = whole
        ? `listed at ${item.size} of its ${whole.value.size} bytes`
        : 'listed before all its bytes were sent';
      found.push(
        anomaly('no-partial-item', ['BAK-08'], `item ${item.sha256.slice(0, 12)} ${why}`, [
          ...(whole ? [whole] : tried.slice(-1)),
          list,
        ]),
      );
    }
  }
  return [...found, ...overCounted(history, uploads)];
}

/** A commit counts at most the distinct items whose bytes all went out in its job (since the device's last commit). */
function overCounted(history: History, uploads: readonly OpOf<'upload'>[]): Anomaly[] {
  const found: Anomaly[] = [];
  const lastCommit = new Map<string, number>();
  for (const commit of completions(history, 'commit', 'ok')) {
    const since = lastCommit.get(commit.process) ?? -1;
    lastCommit.set(commit.process, commit.index);
    const landed = new Set(
      uploads
        .filter((u) => u.process === commit.process && u.index > since && u.index < commit.index && mayHaveLanded(u))
        .map((u) => u.value.sha256),
    );
    const counted = commit.value.counted ?? 0;
    if (counted > landed.size) {
      found.push(
        anomaly('no-partial-item', ['BAK-06'], `job counted ${counted} items, at most ${landed.size} landed`, [commit]),
      );
    }
  }
  return found;
}

/** An item gone from the server (its device removed, or its upload abandoned unfinished) is never listed again. */
export function noResurrection(history: History): Anomaly[] {
  const found: Anomaly[] = [];
  const lists = completions(history, 'list', 'ok');
  for (const removal of completions(history, 'remove-device', 'ok')) {
    const after = (op: Op) => op.process === removal.process && precedes(removal, op);
    const back =
      lists.find((list) => after(list) && (list.value.items?.length ?? 0) > 0) ??
      completions(history, 'read', 'ok').find(after);
    if (back) found.push(anomaly('no-resurrection', ['RFE-10'], 'a removed device’s items came back', [removal, back]));
  }
  for (const cancel of completions(history, 'cancel', 'ok')) {
    const { sha256 } = cancel.value;
    const landed = completions(history, 'upload').some(
      (u) => u.process === cancel.process && u.value.sha256 === sha256 && mayHaveLanded(u) && u.index < cancel.index,
    );
    if (landed) continue;
    const again = history.find(
      (op) => op.type === 'invoke' && op.value.f === 'upload' && op.value.sha256 === sha256 && op.index > cancel.index,
    );
    const back = lists.find(
      (list) =>
        list.process === cancel.process &&
        precedes(cancel, list) &&
        (!again || list.index < again.index) &&
        list.value.items?.some((item) => item.sha256 === sha256),
    );
    if (back) {
      found.push(
        anomaly('no-resurrection', ['BAK-08'], `abandoned upload ${sha256.slice(0, 12)} came back`, [cancel, back]),
      );
    }
  }
  return found;
}
