/**
 * How long a cell of each check takes at 10 sequences per property (`--smoke`'s), relative to the others. At 100
 * sequences (cell-weights.ts) the model-based properties dwarf everything; at 10 the checks whose cost does not
 * scale with the sequences (a page in Chromium, a storage walk, a whole backup per source type) weigh as much or
 * more, and weighed as usual cells they started last and made the run's tail. The figures are seconds per cell, the
 * mean over every column of seven smoke runs (`mbsc run --smoke --seed 7`, load average 7-18, about three times
 * a quiet machine's seconds); only checks of 1.5 s or more are listed. Only their order is used, like the other
 * table's, and a check missing here or measured elsewhere only makes the order less good, never a verdict different.
 */

/** Seconds per cell of a check not listed (the smoke runs' median cell). */
export const FEW_RUNS_USUAL_SECONDS = 1.1;

export const FEW_RUNS_SECONDS_PER_CELL: Readonly<Record<string, number>> = {
  'desktop-console-recovery': 44.1,
  'desktop-console-mobile-backup': 39.2,
  'backup-resume-integrity-model-android': 32.1,
  'storage-destination-drives': 20.9,
  'free-up-space-model-android': 20.7,
  'protocol-range-downloads': 16.1,
  'tfa-login-table': 12.8,
  'sources-file-types-documents-audio': 12.7,
  'protocol-strict-bodies': 10.3,
  'run-conditions-model': 9.4,
  'sources-file-types-photos-videos': 9,
  'restore-selection-property': 7.9,
  'storage-layout': 7.7,
  'sources-selected-only': 7.1,
  'run-conditions-restore': 6.6,
  'tfa-login-states': 6.4,
  'platforms-os-versions-android': 5.9,
  'migration-app-across-platforms': 5.9,
  'backup-settled-rules': 4.2,
  'network-push-service-blocked': 4.2,
  'tfa-registration-server': 3.7,
  'restore-delete-tab-while-registered': 3.5,
  'platforms-os-versions-ios': 3.4,
  'tfa-totp-throttling': 3.3,
  'restore-complete-set-before-1-6-android': 3.2,
  'app-log-free-up-space': 3,
  'restore-explorer-document-folders': 3,
  'restore-main-page-android': 2.9,
  'tfa-registration-qr': 2.8,
  'os-limitations-restore-keeps-android-files': 2.8,
  'os-limitations-restore-ios-heif-to-android': 2.2,
  'os-limitations-restore-ios-photos': 2.2,
  'os-limitations-documents-internal-only': 2.2,
  'run-conditions-automated-backup': 2,
  'free-up-space-boundaries': 1.9,
  'os-limitations-itunes-sync-not-backed-up': 1.7,
  'protocol-conformance-clock': 1.7,
  'free-up-space-ios-recently-deleted': 1.6,
  'run-conditions-low-battery-message-screens': 1.6,
  'sources-sd-card': 1.6,
  'restore-sd-card-permission': 1.5,
  'tfa-push-app-approval': 1.5,
};
