/** The self-test's faulty variants of when the app's jobs start and go on by themselves (job-control.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const JOB_CONTROL_FAULTS = {
  'held-backup-waits-for-tap': {
    // A held backup waits for a tap on Resume Backup once nothing holds it (a held restore still goes on).
    resumesByItself: (rule) => (kind) => kind !== 'backup' && rule(kind),
  },
  'ios-backs-up-in-background': {
    // Automated backup runs on iOS in the background too, as on Android.
    backsUpByItself: (rule) => (settings, _platform, foreground) => rule(settings, 'android', foreground),
  },
  'android-backs-up-in-foreground-only': {
    // Automated backup runs on Android only in the foreground, as on iOS.
    backsUpByItself: (rule) => (settings, _platform, foreground) => rule(settings, 'ios', foreground),
  },
  'automated-backup-off-ignored': {
    // Backs up by itself with automated backup off too.
    backsUpByItself: (rule) => (settings, platform, foreground) =>
      rule({ ...settings, automatedBackup: true }, platform, foreground),
  },
  'backup-offered-unpaired': {
    // Backup is on the home screen from the first launch: before pairing its job starts, and fails on the way.
    offeredUnpaired: (rule) => (kind) => kind === 'backup' || rule(kind),
  },
  'stop-only-when-held': {
    // Stop is drawn on the hold banner only: a job sending bytes cannot be stopped.
    stopOffered: (rule) => (state) => state !== 'running' && rule(state),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
