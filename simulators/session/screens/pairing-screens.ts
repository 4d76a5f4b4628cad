/**
 * Pairing after the QR code is detected (seed 000 §6.2, §7.1, §11.2): "Activate and start backup" asks before it
 * pairs, and says whether the code adds this phone or migrates an existing device's backup content to it. A
 * migration ends on its own screen ("migration of contents from … to … is completed"), which leads on to Restore;
 * the 2FA page then offers "Re-pair with authenticator".
 */
import { decodePairingPayload } from '../../../conformance/spec/protocol/pairing.js';
import type { SimulatorSession } from '../simulator-session.js';
import { button, text, type UiElement } from '../ui-element.js';
import { openRestore } from './backup-screen.js';

const MODE_LABELS = {
  add: 'Add new device for backup without migration',
  migrate: 'Migrate backup content of existing device to a new device',
} as const;

/** "Activate and start backup" with the detected code: OK pairs, Cancel leaves the phone unpaired. */
export function pairConfirmScreen(session: SimulatorSession): UiElement[] {
  const payload = session.pendingPairing ? decodePairingPayload(session.pendingPairing) : undefined;
  const where = payload ? ` at ${payload.host}:${payload.tcp}` : '';
  const migrate = payload?.mode === 'migrate';
  return [
    text('pair-confirm-mode', MODE_LABELS[payload?.mode ?? 'add']),
    text(
      'pair-confirm-text',
      migrate
        ? `Pair this phone with the backup machine${where} as the replacement of an existing device?`
        : `Pair this phone with the backup machine${where}?`,
    ),
    button('pair-confirm', 'OK', confirmPairing),
    button('pair-cancel', 'Cancel', (s) => {
      s.pendingPairing = undefined;
      s.back();
    }),
  ];
}

async function confirmPairing(session: SimulatorSession): Promise<void> {
  const scanned = session.pendingPairing;
  session.pendingPairing = undefined;
  session.back();
  if (scanned === undefined) return;
  const { app } = session;
  if (app.rules.pairsOn('confirmed')) await app.scanQr(scanned);
  if (decodePairingPayload(scanned).mode === 'add') {
    // OK leads on to the sources the app selected for the new pairing (seed 000 §7.1 step vi).
    session.say(app.rules.pairedText(), (s) => {
      s.app.sources = s.app.rules.pairedSources(s.device.platform);
      s.open('backup-source');
    });
    return;
  }
  // The app learns whose content it took over from the server's entry for this phone.
  const self = await app.client().call('getSelf');
  session.migration = { from: self.migratedFrom?.name ?? 'an unnamed device', to: self.name };
  // iOS says the pairing first, and OK leads to the migration's own dialog (see MIG-17); Android says both at once.
  const paired = app.rules.replacementPairedText(session.device.platform);
  if (paired === undefined) session.open('migration');
  else session.say(paired, (s) => s.open('migration'));
}

export function migrationScreen(session: SimulatorSession): UiElement[] {
  const { from, to } = session.migration ?? { from: '?', to: session.device.spec.name };
  return [
    text('migration-result', session.app.rules.migrationCompletedText(from, to, session.device.platform)),
    text(
      'migration-next',
      'Restore the backed-up photos, videos, documents and 2FA accounts, then re-pair with the authenticator on the 2FA page.',
    ),
    button('migration-restore', 'Restore', async (s) => {
      s.nav.returnTo('backup');
      await openRestore(s);
    }),
    button('migration-done', 'Done', (s) => s.nav.returnTo('home')),
  ];
}
