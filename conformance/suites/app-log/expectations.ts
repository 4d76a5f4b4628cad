/**
 * What the app log checks expect (seed 000 §6.4.7: App Log): the ten types, the activities and what each must log,
 * and the assertions on entries. They serve the checks on the app model (entries-and-filter.ts) and through the screens too
 * (entries-and-filter-screens.ts).
 */
import type { LogCategory, LogLevel, LogType } from '../../../simulators/app/app-log.js';
import { expectEqual, expectTrue } from '../../kit/device-support.js';

const CATEGORIES: readonly LogCategory[] = ['General', 'Backup', 'Restore', '2FA', 'Free up space'];
const LEVELS: readonly LogLevel[] = ['Info', 'Error'];
export const TEN = CATEGORIES.flatMap((c) => LEVELS.map((l) => `${c} ${l}` as LogType));

/** An entry as a check reads it: from the app model, or from a row of the App Log screen. */
export interface LoggedEntry {
  readonly at: number;
  readonly type: string;
  readonly message: string;
}

/** The activities the entries check runs, an hour apart, and the types of the entries each must write. */
export const ACTIVITIES = [
  { activity: 'backup', types: ['Backup Info'] },
  { activity: 'free-up-space', types: ['Free up space Info', 'Backup Info'] },
  { activity: 'restore', types: ['Restore Info'] },
  // The same restore again: every item is on the phone by then and skipped, which is still a Restore Info.
  { activity: 'restore-again', types: ['Restore Info'] },
] as const satisfies readonly { activity: string; types: readonly LogType[] }[];
export type Activity = (typeof ACTIVITIES)[number]['activity'];
/** How far apart activities run: each entry's time then says which activity wrote it. */
export const APART_MS = 3_600_000 + 17;

/** `at` as shown to `resolutionMs` (the App Log screen shows seconds). */
const stamp = (at: number, resolutionMs: number) => new Date(at - (at % resolutionMs)).toISOString();

/**
 * The entries one activity wrote (oldest first): of `types` (`typesRule` says which rule asks for them), each dated
 * when the activity ran, of one of the ten types, with a message.
 */
export function expectActivityEntries(
  what: string,
  written: readonly LoggedEntry[],
  expected: { readonly at: number; readonly types: readonly LogType[]; readonly typesRule: string },
  resolutionMs = 1,
): void {
  const kinds = [...new Set(written.map((e) => e.type))].sort();
  expectEqual([expected.typesRule], `the types ${what} logged`, kinds, [...expected.types].sort());
  for (const entry of written) {
    expectEqual(
      ['LOG-01'],
      `the date and time of "${entry.message}"`,
      stamp(entry.at, resolutionMs),
      stamp(expected.at, resolutionMs),
    );
    expectTrue(
      ['LOG-01', 'LOG-02'],
      (TEN as readonly string[]).includes(entry.type),
      `"${entry.message}" has the type ${entry.type}`,
    );
    expectTrue(['LOG-01'], entry.message.length > 0, 'an entry without a message');
  }
}

/** The filter with `type` alone ticked shows exactly the entries of that type (`all`: the whole log). */
export function expectFilterAlone(type: LogType, shown: readonly LoggedEntry[], all: readonly LoggedEntry[]): void {
  expectTrue(
    ['LOG-02'],
    shown.every((e) => e.type === type),
    `the filter ${type} shows other types`,
  );
  expectEqual(['LOG-02'], `entries of type ${type}`, shown.length, all.filter((e) => e.type === type).length);
}

/** With `types` ticked the log shows the entries of those types, newest first (`all`: the whole log, oldest first). */
export function expectFiltered(
  types: readonly LogType[],
  shown: readonly LoggedEntry[],
  all: readonly LoggedEntry[],
  resolutionMs = 1,
): void {
  const asShown = (e: LoggedEntry) => ({ at: stamp(e.at, resolutionMs), type: e.type, message: e.message });
  const expected = all
    .filter((e) => (types as readonly string[]).includes(e.type))
    .reverse()
    .map(asShown);
  expectEqual(['LOG-03'], `entries shown with [${types.join(', ')}]`, shown.map(asShown), expected);
}
