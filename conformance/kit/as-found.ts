/**
 * A server the kit did not start (a vendor's, perhaps one its owner logs in to) is left as the cell found it. Every
 * successful call of a cell is heard (call-watch.ts), whoever made it: a device world, a check pairing or registering
 * by other means, the app's screens. As the cell ends, through the protocol only:
 * - the devices and authenticators it made, still listed under the id and the name they were made with, are removed;
 * - the password lock goes back to what the cell found: cleared, when it found none;
 * - what the protocol cannot take back (a login's history, a message sent, a skipped setup offer, a lock it found
 *   and changed) is the cell's warning ("left on the server: ..."), never its verdict.
 * A check that starts by clearing 2FA (the 2FA checks share one state) does not clear what it did not make: on a
 * server with 2FA set up by its owner it is untested (`keepFoundTwoFactor`). The authenticators an earlier run of
 * the kit left there (stopped before it could put them back) carry the kit's mark in their names (kit-names.ts):
 * those it removes first, through the protocol, and says so as the cell's warning; so it clears a password lock whose
 * e-mail is the kit's (as-found-leftovers.ts). Not under shards, which share the server: there the kit's mark may be
 * another shard's, in use. None of this runs on the kit's own servers, which cost no request more for it.
 */
import { unrecorded } from '../../simulators/mbs-client/exchange-log.js';
import { watchingCalls } from '../../simulators/mbs-client/call-watch.js';
import type { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { ScopeSlot } from '../../simulators/mbs-client/scope-slot.js';
import type { TargetSession } from '../targets/target.js';
import { Untestable } from './check.js';
import { MbsError } from '../spec/errors.js';
import { kitLock, kitMade, Ledger, type Keeping, type Made } from './as-found-ledger.js';
import { clearEarlierLock, removeEarlierRuns } from './as-found-leftovers.js';
import { isKitEmail, isKitName } from './kit-names.js';
import { count, lockSaid, messageOf } from './as-found-words.js';

const scope = new ScopeSlot<Keeping | undefined>();

/**
 * Runs a cell's `body` on a server the kit did not start, then puts back what it can as found (see above); answers
 * the body's value and the cell's warnings. `shared`: other runs of the kit may be at work on the server at the same
 * time (the shards of one run), so what carries the kit's mark is not taken for a stopped run's leftover.
 */
export async function keepingAsFound<T>(
  session: TargetSession,
  body: () => Promise<T>,
  shared = false,
): Promise<{ value: T; warnings: string[] }> {
  const desk = session.console;
  const ledger = desk ? await unrecorded(() => ledgerOf(desk)) : new Ledger(undefined);
  const warnings: string[] = [];
  try {
    const keeping = { ledger, desk, warnings, shared };
    return { value: await scope.run(keeping, () => watchingCalls((...call) => ledger.hear(...call), body)), warnings };
  } finally {
    warnings.push(...(desk ? await unrecorded(() => putBack(desk, ledger)) : []), ...leftBehind(ledger));
  }
}

/** A ledger with the 2FA settings as found: none where the server has no 2FA, and why, where they could not be read. */
async function ledgerOf(desk: MbsClient): Promise<Ledger> {
  try {
    return new Ledger(await desk.call('getTwoFactor'));
  } catch (error) {
    if (error instanceof MbsError && error.code === '2fa-not-supported') return new Ledger(undefined);
    return new Ledger(undefined, error);
  }
}

/**
 * Throws Untestable, on a server the kit must leave as found, when it holds 2FA the kit did not make (an owner's
 * authenticators, a password lock): a 2FA check starts by clearing 2FA, and would remove them for good; a check that
 * logs in past its own authenticators only (`lockOnly`) would find the owner's password lock in its way. An earlier
 * run's leftovers are no owner's: a check about to clear 2FA removes them first (`removeEarlierRuns`). Where the
 * server failed to answer its 2FA settings, throws that failure: the check is judged on it (a broken route fails,
 * an unreachable server is an error), and clears nothing.
 */
export async function keepFoundTwoFactor(lockOnly = false): Promise<void> {
  const keeping = scope.get();
  if (keeping?.ledger.unread !== undefined) throw keeping.ledger.unread;
  const found = keeping?.ledger.found;
  if (!keeping || !found) return;
  // Under shards, the kit's mark may be another shard's, in use: it is kept and counted as anyone else's.
  const earlier = !keeping.shared;
  if (earlier && !lockOnly) await removeEarlierRuns(keeping);
  if (earlier) await clearEarlierLock(keeping);
  const theirs = lockOnly
    ? []
    : found.authenticators.filter((a) => !kitMade.has(a.authenticatorId) && !(earlier && isKitName(a.name)));
  const lock = found.passwordLock;
  const kitsLock = isKitEmail(lock.email);
  // An earlier run's lock that could not be cleared is in the way as an owner's would be.
  const stuck = earlier && kitsLock && keeping.ledger.leftoverLock === false;
  const lockInWay = lock.set && !kitLock.set && (!(earlier && kitsLock) || stuck);
  const email = lock.email ? ` (e-mail ${lock.email})` : '';
  const what = [
    ...(theirs.length > 0
      ? [`${count(theirs.length, 'authenticator')} (${theirs.map((a) => a.name).join(', ')})`]
      : []),
    ...(lockInWay
      ? [stuck ? `a password lock an earlier run left, not cleared${email}` : `a password lock${email}`]
      : []),
  ];
  if (what.length === 0) return;
  const marked = !earlier && (theirs.some((a) => isKitName(a.name)) || (lockInWay && kitsLock));
  throw new Untestable(
    `the server has 2FA set up that this run of the kit did not make (${what.join(' and ')}): the check needs ` +
      '2FA off but for what it registers, and would remove it for good or be stopped by it (validate on a server ' +
      'without it, or remove it first' +
      (marked
        ? "; what carries the kit's mark may be another shard's, so shards leave it: an unsharded run removes " +
          "an earlier run's"
        : '') +
      ')',
  );
}

/**
 * Removes what the cell made and the server still lists under the id and the name it was made with (a server may
 * give a removed device's id to a later one); puts the password lock back; answers what it could not.
 */
async function putBack(desk: MbsClient, ledger: Ledger): Promise<string[]> {
  const warnings: string[] = [];
  const remove = async (
    kind: Made['kind'],
    listed: ReadonlyMap<string, string>,
    call: (id: string) => Promise<unknown>,
  ) => {
    for (const made of ledger.made.filter((m) => m.kind === kind && listed.has(m.id))) {
      if (listed.get(made.id) !== made.name) {
        warnings.push(
          `left ${kind} ${made.id} in place: this cell made it as ${JSON.stringify(made.name)}, the server lists ` +
            `${JSON.stringify(listed.get(made.id))} under its id (renamed, or a later one given the id)`,
        );
        continue;
      }
      await call(made.id).catch((error: unknown) =>
        warnings.push(`could not remove ${kind} ${made.id}, which this cell made: ${messageOf(error)}`),
      );
    }
  };
  const devices = ledger.made.filter((m) => m.kind === 'device').length;
  if (devices > 0) {
    const list = await desk.call('listDevices').catch((error: unknown) => messageOf(error));
    if (typeof list === 'string') {
      warnings.push(
        `could not list the server's devices to remove the ${count(devices, 'device')} this cell made: ${list}`,
      );
    } else {
      const listed = new Map(list.devices.map((d) => [d.deviceId, d.name]));
      await remove('device', listed, (deviceId) => desk.call('removeDevice', { params: { deviceId } }));
    }
  }
  const setLock = ledger.settings.has('password lock');
  if (ledger.made.every((m) => m.kind !== 'authenticator') && !setLock) return warnings;
  const now = await desk.call('getTwoFactor').catch(() => undefined);
  if (!now) return [...warnings, "could not read the server's 2FA settings to put them back as the cell found them"];
  const listed = new Map(now.authenticators.map((a) => [a.authenticatorId, a.name]));
  await remove('authenticator', listed, (authenticatorId) =>
    desk.call('removeAuthenticator', { params: { authenticatorId } }),
  );
  if (!setLock) return warnings;
  const lock = ledger.leftoverLock ? { set: false } : ledger.found?.passwordLock;
  if (lock && !lock.set && now.passwordLock.set) {
    await desk
      .call('setPasswordLock', { body: { password: null } })
      .then(() => (kitLock.set = false))
      .catch((error: unknown) => warnings.push(`could not clear the password lock this cell set: ${messageOf(error)}`));
  } else if (lock?.set && ledger.leftoverLock === undefined) {
    // A lock an earlier run left that could not be cleared was said so already.
    warnings.push(`left on the server: the password lock it found (${lockSaid(lock)}) was set again`);
  } else if (!lock) {
    const why = ledger.unread === undefined ? 'the server said it has no 2FA' : 'its 2FA settings could not be read';
    warnings.push(`left on the server: a password lock this cell set (${why} as the cell began)`);
  }
  return warnings;
}

/** What the protocol cannot take back, said once for the cell. */
function leftBehind(ledger: Ledger): string[] {
  const sms = [...ledger.sent].filter((s) => s.startsWith('sms ')).length;
  const left = [
    ...(ledger.logins.size > 0 ? [`${count(ledger.logins.size, 'desktop login')} (their history)`] : []),
    ...(sms > 0 ? [`${count(sms, 'SMS code')} sent`] : []),
    ...(ledger.sent.size > sms ? [`${count(ledger.sent.size - sms, 'e-mail code')} sent`] : []),
    ...(ledger.settings.has('reset') ? ['2FA reset (its first-login setup offer back)'] : []),
    ...(ledger.settings.has('setup offer skipped') ? ["the first login's offer to set up 2FA, skipped"] : []),
  ];
  return left.length > 0 ? [`left on the server: ${left.join(', ')}`] : [];
}
