/**
 * Devices an earlier run of the same seed left on the target. A run draws its devices' names (each with a tag,
 * device-names.ts) and installation ids from its seed, so a rerun against a server that kept its data (a vendor's,
 * or `mbsc serve` on its --data directory) sends what the run before it sent. Where that run removed nothing (a
 * device check's world stays paired) or was stopped before it could (a CI job killed at its timeout), the server
 * refuses the installation as paired already, and the check would end in error, or fail the pairing rules it covers.
 *
 * So a pairing refused as paired already is tried once more after removing, through the console, the devices listed
 * under the very name being paired, when that name carries a tag the running cell drew and the cell did not pair them
 * itself. Nothing else is removed, and a refusal with no such device, or a second one, stands as the target's answer.
 *
 * Every pairing of a device world (newWorld, pairApp) goes through here, so the devices a cell paired are known as
 * its own. On a server the kit did not start, the devices a cell paired by any means are removed as it ends, with
 * everything else it made (as-found.ts).
 */
import { MbsError, type ErrorCode } from '../spec/errors.js';
import { unrecorded } from '../../simulators/mbs-client/exchange-log.js';
import type { TargetSession } from '../targets/target.js';
import { cellContent } from './cell-draws.js';
import type { ContentSource } from './content-source.js';

/** How a server refuses an installation it has paired: adding it, or migrating to it. */
const PAIRED_ALREADY: readonly ErrorCode[] = ['device-already-paired', 'migration-target-paired'];

/** The ids of the devices each cell paired through `pairPastLeftovers`: never an earlier run's, whatever their names. */
const pairedBy = new WeakMap<ContentSource, Set<string>>();

/**
 * Runs `pair`, which pairs a device named `name` afresh (a new client or app, and a new token or one its refusal
 * left usable), and `deviceIdOf` tells the device it paired; when refused as paired already, removes the leftovers of
 * an earlier run of the seed under that name, if any, and runs it once more.
 */
export async function pairPastLeftovers<T>(
  session: TargetSession,
  name: string,
  pair: () => Promise<T>,
  deviceIdOf: (paired: T) => string,
): Promise<T> {
  const content = cellContent();
  const noted = (paired: T): T => {
    if (content) pairedBy.set(content, (pairedBy.get(content) ?? new Set()).add(deviceIdOf(paired)));
    return paired;
  };
  try {
    return noted(await pair());
  } catch (error) {
    if (!content || !(error instanceof MbsError) || !PAIRED_ALREADY.includes(error.code)) throw error;
    if (!content.carriesTag(name)) throw error;
    const own = pairedBy.get(content);
    const left = (await listedUnder(session, [name])).filter((id) => !own?.has(id));
    if (left.length === 0) throw error;
    await removeQuietly(session, left);
    return noted(await pair());
  }
}

/**
 * Removes the devices listed under `names`: those an earlier run of the same seed paired and could not remove (it
 * was stopped, or the server refused), whose rows would otherwise stand beside this run's under the same names.
 * The names carry the seed's tag, so nothing else is named so.
 */
export async function removeLeftovers(session: TargetSession, names: readonly string[]): Promise<void> {
  await removeQuietly(session, await listedUnder(session, names));
}

/** The ids of the devices the console lists under one of `names`; none without a console. */
async function listedUnder(session: TargetSession, names: readonly string[]): Promise<string[]> {
  const list = await unrecorded(async () => session.console?.call('listDevices').catch(() => undefined));
  return (list?.devices ?? []).filter((d) => names.includes(d.name)).map((d) => d.deviceId);
}

/**
 * Removes devices a check paired, so the shared device list stays as later checks expect; failures are not ours.
 * Unrecorded: clean-up after a failure would push the exchanges that showed it out of the cell's log.
 */
export async function removeQuietly(session: TargetSession, deviceIds: readonly string[]): Promise<void> {
  await unrecorded(async () => {
    for (const deviceId of deviceIds) {
      await session.console?.call('removeDevice', { params: { deviceId } }).catch(() => undefined);
    }
  });
}
