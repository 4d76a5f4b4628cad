/**
 * The Backup page (seed 000 §6.2, §9, §10): Backup, Stop, Resume, Restore and Edit connection setting, the job's
 * status with every reason it holds, and the backup sources. Jobs are set going and tracked; the status line is
 * how the user (and a WebDriver test) sees them progress. "Edit connection setting" (seed 000 §6.2.1) locates the
 * backup machine automatically or takes a typed host name or IP address; Save checks that the machine answers, and
 * a bad address shows the seed's message and keeps the screen.
 */
import { openRestorePage } from '../../app/restore-page.js';
import type { BackupSources } from '../../app/settings.js';
import type { SimulatorSession } from '../simulator-session.js';
import { button, field, group, radio, text, toggle, type UiElement } from '../ui-element.js';

const active = (state: string | undefined) => state === 'running' || state === 'held' || state === 'stopped';

export function backupStatus(session: SimulatorSession): string {
  const { app } = session;
  const job = app.backupJob;
  if (!job) return app.pairing ? 'Ready to back up' : 'Not paired with a backup machine';
  switch (job.state) {
    case 'running':
      return `Backing up ${job.itemsDone} of ${job.itemsTotal}`;
    case 'held':
      return 'Backup on hold';
    case 'stopped':
      return `Backup stopped at ${job.itemsDone} of ${job.itemsTotal}`;
    case 'completed':
      return `Backup completed: ${app.formatResult(job.counts ?? zeroCounts, job.archived)}`;
    case 'failed':
      return `Backup failed: ${job.error?.message ?? 'unknown error'}`;
  }
}

const zeroCounts = { photos: 0, videos: 0, files: 0, twoFactorAccounts: 0 };

export function restoreStatus(session: SimulatorSession): string {
  const job = session.app.restoreJob;
  if (!job) return 'No restore yet';
  if (job.state === 'completed') return `Restore completed: ${job.summary()}`;
  if (job.state === 'failed') return `Restore failed: ${job.error?.message ?? 'unknown error'}`;
  return `Restore ${job.state === 'held' ? 'on hold' : job.state}`;
}

export function backupScreen(session: SimulatorSession): UiElement[] {
  const { app } = session;
  const backup = app.backupJob;
  const restore = app.restoreJob;
  const paired = app.pairing !== undefined;
  const holds = [...(backup?.holdReasons ?? []), ...(restore?.holdReasons ?? [])];
  const running = backup?.state === 'running' || restore?.state === 'running';
  return [
    text('backup-status', backupStatus(session)),
    group(
      'list',
      'backup-hold-reasons',
      [...new Set(holds)].map((reason) => text(`hold-${reason}`, app.rules.holdMessage(reason))),
    ),
    text('restore-status', restoreStatus(session)),
    button('backup-start', 'Backup', (s) => s.track(s.app.backup()), {
      enabled: paired && !running && !active(backup?.state),
    }),
    button('backup-stop', 'Stop', (s) => s.app.stop(), {
      enabled: backup?.state === 'running' || backup?.state === 'held' || active(restore?.state),
    }),
    button('backup-resume', 'Resume Backup', (s) => s.track(s.app.backup()), {
      enabled: backup?.state === 'stopped' || backup?.state === 'held',
    }),
    button('restore-resume', 'Resume restoration', (s) => s.track(s.app.restoreJob?.resume() ?? Promise.resolve()), {
      enabled: restore?.state === 'stopped' || restore?.state === 'held',
    }),
    button('backup-restore', 'Restore', openRestore, { enabled: paired && !running }),
    button('backup-connection', 'Edit connection setting', openConnection, { enabled: paired }),
    group('group', 'backup-sources', sourceToggles(session)),
  ];
}

export async function openRestore(session: SimulatorSession): Promise<void> {
  session.restorePage = await openRestorePage(session.app);
  session.explorer = { tab: 'recent', kind: 'photo' };
  session.open('restore');
}

function openConnection(session: SimulatorSession): void {
  const { connection, pairing } = session.app;
  session.connectionDraft =
    connection.mode === 'manual'
      ? { mode: 'manual', host: connection.host }
      : { mode: 'auto', host: pairing?.host ?? '' };
  session.open('connection');
}

const SOURCES: readonly { key: keyof BackupSources; id: string; label: string; android?: true }[] = [
  { key: 'photos', id: 'source-photos', label: 'Photos' },
  { key: 'videos', id: 'source-videos', label: 'Videos' },
  { key: 'documents', id: 'source-documents', label: 'Documents', android: true },
  { key: 'twoFactorAccounts', id: 'source-2fa', label: '2FA Accounts' },
];

/** Documents are an Android-only source; iOS does not list them. */
function sourceToggles(session: SimulatorSession): UiElement[] {
  const { sources } = session.app;
  return SOURCES.filter((s) => !s.android || session.device.platform === 'android').map(({ key, id, label }) =>
    toggle(id, label, sources[key], (s) => s.app.updateSources({ [key]: !sources[key] })),
  );
}

/**
 * The backup-source choice a phone shows once paired as a new device (seed 000 §7.1, §7.2 step vi): its sources as
 * the app selected them, to deselect as wished; Done confirms and returns to the Backup page.
 */
export function backupSourceScreen(session: SimulatorSession): UiElement[] {
  return [
    text('backup-source-hint', 'Selected for backup: deselect any you do not want, then tap Done.'),
    group('group', 'backup-source-options', sourceToggles(session)),
    button('backup-source-done', 'Done', (s) => s.nav.returnTo('backup')),
  ];
}

export function connectionScreen(session: SimulatorSession): UiElement[] {
  const draft = session.connectionDraft;
  const trying = session.app.rules.whileConnecting();
  return [
    text('connection-title', 'Connection setting'),
    radio('connection-auto', 'Automatically locate', draft.mode === 'auto', (s) => {
      s.connectionDraft = { ...s.connectionDraft, mode: 'auto' };
    }),
    radio('connection-manual', 'Enter host name / IP address', draft.mode === 'manual', (s) => {
      s.connectionDraft = { ...s.connectionDraft, mode: 'manual' };
    }),
    {
      ...field('connection-host', 'Host name or IP address', draft.host, (s, value) => {
        s.connectionDraft = { mode: 'manual', host: value.trim() };
      }),
      // While it tries, the field is disabled (seed 000 §6.2.1).
      enabled: draft.mode === 'manual' && !(session.connecting && trying.hostLocked),
    },
    ...(session.connecting ? [text('connection-status', trying.status)] : []),
    button('connection-save', 'Save', save, { enabled: !session.connecting }),
    button('connection-cancel', 'Cancel', (s) => s.back()),
  ];
}

/** Save & Connect: tried in the background, the screen saying so, until the machine answers or it fails. */
function save(session: SimulatorSession): void {
  const draft = session.connectionDraft;
  const setting = draft.mode === 'manual' ? { mode: 'manual' as const, host: draft.host } : { mode: 'auto' as const };
  session.connecting = true;
  const attempt = session.app.setConnection(setting).finally(() => (session.connecting = false));
  session.track(
    attempt.then(() => {
      session.back();
      session.message = 'Connection setting saved.';
    }),
  );
}
