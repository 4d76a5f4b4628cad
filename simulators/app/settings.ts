/** The app's settings (seed 000 §6.4) with their documented defaults, and how a change to them is checked. */
export const LANGUAGES = [
  'Arabic',
  'Basque',
  'Catalan',
  'Chinese (Simplified)',
  'Chinese (Traditional)',
  'Czech',
  'Danish',
  'Dutch',
  'English',
  'Finnish',
  'French',
  'German',
  'Greek Modern',
  'Hebrew',
  'Hungarian',
  'Indonesian',
  'Italian',
  'Japanese',
  'Korean',
  'Lithuanian',
  'Norwegian',
  'Polish',
  'Portuguese (Brazilian)',
  'Portuguese (Portugal)',
  'Russian',
  'Slovenian',
  'Spanish',
  'Swedish',
  'Thai',
  'Turkish',
  'Vietnamese',
] as const;
export type Language = (typeof LANGUAGES)[number];

/** Free up space limits, in GB of 10^9 bytes. */
export const FREE_UP_SPACE_LIMITS_GB = [2, 4, 6, 8, 10] as const;
export type FreeUpSpaceLimitGb = (typeof FREE_UP_SPACE_LIMITS_GB)[number];
export const GB = 1_000_000_000;

export interface AppSettings {
  automatedBackup: boolean;
  backupWhileChargingOnly: boolean;
  powerSaving: boolean;
  enhancedSecurity2fa: boolean;
  freeUpSpace: boolean;
  freeUpSpaceLimitGb: FreeUpSpaceLimitGb;
  language: Language;
}

export const DEFAULT_SETTINGS: Readonly<AppSettings> = {
  automatedBackup: true,
  backupWhileChargingOnly: false,
  powerSaving: true,
  enhancedSecurity2fa: false,
  freeUpSpace: false,
  freeUpSpaceLimitGb: 2,
  language: 'English',
};

/** The settings of a freshly installed app: the documented defaults. */
export function initialSettings(): AppSettings {
  return { ...DEFAULT_SETTINGS };
}

/** The languages the Language screen lists and the settings take: the seed's 31. */
export function offeredLanguages(): readonly string[] {
  return LANGUAGES;
}

/** Whether the settings take this free up space limit: only one of the five the picker lists. */
export function isFreeUpLimit(gb: number): boolean {
  return (FREE_UP_SPACE_LIMITS_GB as readonly number[]).includes(gb);
}

export interface BackupSources {
  photos: boolean;
  videos: boolean;
  documents: boolean;
  twoFactorAccounts: boolean;
}

/**
 * The settings after a change. A change applies only with values the settings screens offer (a free up space limit
 * from the list, a language the app speaks), so a caller asking for any other is told at once by a RangeError naming
 * the value, not later by a job.
 */
export function changedSettings(
  settings: AppSettings,
  change: Partial<AppSettings>,
  rules: { isFreeUpLimit(gb: number): boolean; offeredLanguages(): readonly string[] } = {
    isFreeUpLimit,
    offeredLanguages,
  },
): AppSettings {
  const next = { ...settings, ...change };
  if (!rules.isFreeUpLimit(next.freeUpSpaceLimitGb))
    throw new RangeError(`No free up space limit of ${next.freeUpSpaceLimitGb} GB.`);
  if (!rules.offeredLanguages().includes(next.language)) throw new RangeError(`No language ${next.language}.`);
  return next;
}
