/** The self-test's faulty variants of the settings' defaults, free up space limits and languages (settings.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const SETTINGS_FAULTS = {
  // Free up space ships switched on, to show the feature off: photos leave the phone without the user asking.
  'free-up-space-on-by-default': { initialSettings: (rule) => () => ({ ...rule(), freeUpSpace: true }) },
  // Power saving ships off, so a backup drains a phone below 30%.
  'power-saving-off-by-default': { initialSettings: (rule) => () => ({ ...rule(), powerSaving: false }) },
  // Backup while charging only ships on, so nothing is backed up until the phone is plugged in.
  'charging-only-on-by-default': { initialSettings: (rule) => () => ({ ...rule(), backupWhileChargingOnly: true }) },
  // Automated backup ships off (opt-in), so new photos wait for a tap on Backup.
  'automated-backup-off-by-default': { initialSettings: (rule) => () => ({ ...rule(), automatedBackup: false }) },
  // The limit is checked against the picker's bounds, not its list: 3, 5 or 2.5 GB is taken.
  'free-up-limit-any-in-range': { isFreeUpLimit: () => (gb) => gb >= 2 && gb <= 10 },
  // One "Chinese" in place of Chinese (Simplified) and Chinese (Traditional), as a translation platform lists zh.
  'one-chinese-language': {
    offeredLanguages: (rule) => () => [...rule().filter((l) => !l.startsWith('Chinese')), 'Chinese'].sort(),
  },
  // Norwegian split into Bokmål and Nynorsk, as a translation platform lists nb and nn.
  'norwegian-as-bokmal-and-nynorsk': {
    offeredLanguages: (rule) => () =>
      [...rule().filter((l) => l !== 'Norwegian'), 'Norwegian Bokmål', 'Norwegian Nynorsk'].sort(),
  },
  // One "Portuguese" in place of Portuguese (Brazilian) and Portuguese (Portugal).
  'one-portuguese-language': {
    offeredLanguages: (rule) => () => [...rule().filter((l) => !l.startsWith('Portuguese')), 'Portuguese'].sort(),
  },
  // A 32nd language, Ukrainian, added with a translation the seed's list does not name.
  'ukrainian-as-32nd-language': { offeredLanguages: (rule) => () => [...rule(), 'Ukrainian'].sort() },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
