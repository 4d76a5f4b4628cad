/** The app log (seed 000 §6.4.7): dated entries of ten types, General/Backup/Restore/2FA/Free up space × Info/Error. */
import type { JobKind } from './run-conditions.js';

export const LOG_CATEGORIES = ['General', 'Backup', 'Restore', '2FA', 'Free up space'] as const;
export const LOG_LEVELS = ['Info', 'Error'] as const;
export type LogCategory = (typeof LOG_CATEGORIES)[number];
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogType = `${LogCategory} ${LogLevel}`;
export const LOG_TYPES: readonly LogType[] = LOG_CATEGORIES.flatMap((c) =>
  LOG_LEVELS.map((l) => `${c} ${l}` as LogType),
);

/** Whether the log's filter, with `shown` ticked, lists an entry of `type`: only the types ticked (LOG-03). */
export function logShows(shown: ReadonlySet<LogType>, type: LogType): boolean {
  return shown.has(type);
}

/** The category a failed job's Error entry goes under: the job's own, Backup or Restore (LOG-05). */
export function failedJobCategory(job: JobKind): LogCategory {
  return job === 'backup' ? 'Backup' : 'Restore';
}

/** The time an entry is stamped with: the moment it was written, to the millisecond (LOG-01). */
export function loggedAt(now: number): number {
  return now;
}

/** The level of a finished restore's entry: Info, whatever it skipped (LOG-02: Info or Error only). */
export function restoreDoneLevel(_skipped: number): LogLevel {
  return 'Info';
}

export interface LogEntry {
  readonly at: number;
  readonly type: LogType;
  readonly message: string;
}

export class AppLog {
  private readonly entries: LogEntry[] = [];
  /** The types shown; all by default. */
  private shown = new Set<LogType>(LOG_TYPES);

  constructor(
    private readonly now: () => number,
    private readonly shows: typeof logShows = logShows,
  ) {}

  add(category: LogCategory, level: LogLevel, message: string): void {
    this.entries.push({ at: this.now(), type: `${category} ${level}`, message });
  }

  setFilter(types: readonly LogType[]): void {
    this.shown = new Set(types);
  }

  /** The entries the filter shows, newest first as the app lists them. */
  visible(): LogEntry[] {
    return this.entries.filter((e) => this.shows(this.shown, e.type)).reverse();
  }

  all(): readonly LogEntry[] {
    return this.entries;
  }
}
