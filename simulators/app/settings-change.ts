/**
 * Changing the app's settings: a change applies only with values the settings screens offer (a free up space limit
 * from the list, a language the app speaks), so a caller asking for any other is told at once, not later by a job.
 */
import { FREE_UP_SPACE_LIMITS_GB, LANGUAGES, type AppSettings } from './settings.js';

/** The settings after a change; a RangeError names the value no screen offers. */
export function changedSettings(settings: AppSettings, change: Partial<AppSettings>): AppSettings {
  const next = { ...settings, ...change };
  if (!FREE_UP_SPACE_LIMITS_GB.includes(next.freeUpSpaceLimitGb))
    throw new RangeError(`No free up space limit of ${next.freeUpSpaceLimitGb} GB.`);
  if (!LANGUAGES.includes(next.language)) throw new RangeError(`No language ${next.language}.`);
  return next;
}
