/**
 * What an earlier run of the kit left on a server it must leave as found, stopped before it could put it back (a CI
 * job killed at its timeout, Ctrl-C): the authenticators carrying the kit's mark in their names and a password lock
 * with the kit's e-mail (kit-names.ts). A 2FA check about to clear 2FA removes them first, through the protocol and
 * unrecorded (clean-up, not what the check exchanged), and says so as its cell's warning (as-found.ts).
 */
import { unrecorded } from '../../simulators/mbs-client/exchange-log.js';
import type { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { kitLock, kitMade, type Keeping } from './as-found-ledger.js';
import { count, lockSaid, messageOf } from './as-found-words.js';
import { isKitEmail, isKitName } from './kit-names.js';

/**
 * Removes the authenticators the cell found that carry the kit's mark but that this process did not make; the
 * cell's warning names them. Not for a check that keeps its hands off the others' authenticators (`lockOnly`: the
 * real-time checks, which run side by side, each registering its own).
 */
export async function removeEarlierRuns({ ledger, desk, warnings }: Keeping): Promise<void> {
  const left = (ledger.found?.authenticators ?? []).filter(
    (a) => isKitName(a.name) && !kitMade.has(a.authenticatorId) && !ledger.leftovers.has(a.authenticatorId),
  );
  if (!desk || left.length === 0) return;
  for (const a of left) ledger.leftovers.add(a.authenticatorId);
  const removed: string[] = [];
  const failed: string[] = [];
  await unrecorded(async () => {
    for (const a of left) {
      await desk.call('removeAuthenticator', { params: { authenticatorId: a.authenticatorId } }).then(
        () => removed.push(a.name),
        (error: unknown) => failed.push(`${a.name} (${messageOf(error)})`),
      );
    }
  });
  if (removed.length > 0)
    warnings.push(
      `removed ${count(removed.length, 'authenticator')} an earlier run of the kit left: ${removed.join(', ')}`,
    );
  if (failed.length > 0)
    warnings.push(`could not remove authenticators an earlier run of the kit left: ${failed.join(', ')}`);
}

interface Clearing {
  readonly cleared: boolean;
  /** The clearing cell's warning. */
  readonly said?: string;
}

/**
 * The clearings of an earlier run's lock under way, by the console's address: the cells that found the lock at the
 * same moment (the real-time ones start side by side) join the one under way instead of clearing it again.
 */
const clearings = new Map<string, Promise<Clearing>>();

/**
 * Clears the password lock the cell found when its e-mail is the kit's and this process did not set it. The cell
 * then counts the server as found with no lock, and takes off any lock it sets itself. Said once, by the cell that
 * cleared it. When it could not be cleared, the lock stays in the cell's way as an owner's would (as-found.ts).
 */
export async function clearEarlierLock({ ledger, desk, warnings }: Keeping): Promise<void> {
  const lock = ledger.found?.passwordLock;
  if (!desk || !lock?.set || kitLock.set || !isKitEmail(lock.email) || ledger.leftoverLock !== undefined) return;
  const key = desk.baseUrl.href;
  const own = !clearings.has(key);
  const clearing = clearings.get(key) ?? unrecorded(() => clearIfStill(desk)).finally(() => clearings.delete(key));
  clearings.set(key, clearing);
  const { cleared, said } = await clearing;
  ledger.leftoverLock = cleared;
  if (own && said) warnings.push(said);
}

/** Clears the kit's lock if the server still holds one; what the cell that cleared it says. */
async function clearIfStill(desk: MbsClient): Promise<Clearing> {
  try {
    const lock = (await desk.call('getTwoFactor')).passwordLock;
    // Gone, or replaced by a lock a cell of this run set since (heard): the one found is no longer there.
    if (!lock.set || kitLock.set) return { cleared: true };
    if (!isKitEmail(lock.email)) return { cleared: false };
    await desk.call('setPasswordLock', { body: { password: null } });
    return { cleared: true, said: `removed the password lock an earlier run of the kit left (${lockSaid(lock)})` };
  } catch (error) {
    return {
      cleared: false,
      said: `could not clear the password lock an earlier run of the kit left: ${messageOf(error)}`,
    };
  }
}
