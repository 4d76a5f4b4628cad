/*
 * "Add or migrate device" on Settings > Mobile Backup (seed 000 §7, §11.2): add a new device, or migrate an existing
 * device's backed-up content to a replacement; then the QR code with the actual TCP and UDP ports, until the device
 * pairs.
 */
import { act, read } from './api.js';
import { keepFresh } from './changes.js';
import { h, openDialog, showError } from './dom.js';
import { MODE_LABELS } from './mode-labels.js';
import { nameElement } from './names.js';
import { originalCandidates } from './original-devices.js';
import { installInstruction, prerequisites } from './pairing-guidance.js';
import { pairingOutcome } from './pairing-outcome.js';
import { qrImage } from './qr.js';

/** How often the pairing dialog asks whether its QR code has paired a device. */
const WATCH_MS = 1000;

/** The first dialog: add or migrate, and which device to migrate from; `refresh` redraws the list once one pairs. */
export function addOrMigrate(info, devices, refresh) {
  const error = h('p', { role: 'alert', id: 'wizard-error' });
  const addOption = h('input', { type: 'radio', name: 'wizard-mode', value: 'add', id: 'mode-add', checked: true });
  const migrateOption = h('input', { type: 'radio', name: 'wizard-mode', value: 'migrate', id: 'mode-migrate' });
  const chooser = h(
    'select',
    { id: 'original-device', 'aria-label': 'Original device' },
    ...originalCandidates(devices).map((d) => h('option', { value: d.deviceId }, nameElement('span', d.name))),
  );
  const migrateBox = h(
    'div',
    { id: 'migrate-options', hidden: true },
    chooser,
    h('p', {
      class: 'note',
      id: 'migrate-note',
      text:
        `* Please make sure your new device has not paired with any ${info.editionLabel} client applications ` +
        'in order to complete the migration.',
    }),
  );
  const sync = () => (migrateBox.hidden = !migrateOption.checked);
  addOption.addEventListener('change', sync);
  migrateOption.addEventListener('change', sync);
  const next = h('button', { type: 'button', id: 'wizard-next', text: 'Next' });
  const cancel = h('button', { type: 'button', id: 'wizard-cancel', text: 'Cancel' });
  const dialog = openDialog(
    'wizard',
    h('h3', { text: 'Add new device' }),
    h('p', { text: 'Do you want to add a new device to backup, or migrate backed up content of an existing device?' }),
    h('p', {}, addOption, h('label', { for: 'mode-add', text: MODE_LABELS.add })),
    h('p', {}, migrateOption, h('label', { for: 'mode-migrate', text: MODE_LABELS.migrate })),
    migrateBox,
    error,
    h('p', {}, next, cancel),
  );
  cancel.addEventListener('click', () => dialog.remove());
  next.addEventListener('click', async () => {
    const migrate = migrateOption.checked;
    if (migrate && !chooser.value) return void (error.textContent = 'Choose the original device.');
    const original = devices.find((d) => d.deviceId === chooser.value);
    try {
      const body = migrate ? { mode: 'migrate', originalDeviceId: chooser.value } : { mode: 'add' };
      const pairing = await act('POST', '/v1/console/pairings', body);
      dialog.remove();
      await pairingDialog(pairing, migrate ? original : undefined, refresh);
    } catch (e) {
      showError(error, e);
    }
  });
}

async function pairingDialog(pairing, original, refresh) {
  const outcome = h('p', { id: 'pairing-outcome', role: 'status' });
  const done = h('button', { type: 'button', id: 'pairing-done', text: 'Done' });
  const mode = original ? MODE_LABELS.migrate : MODE_LABELS.add;
  const dialog = openDialog(
    'pairing',
    h('h3', { text: 'Mobile Backup Setup' }),
    installInstruction(),
    h('p', { text: `Mobile Backup (${mode})` }),
    await qrImage(pairing.payload, 'Pairing QR code'),
    ...prerequisites(),
    h('p', { id: 'tcp-port', text: `TCP Port: ${pairing.tcpPort}` }),
    h('p', { id: 'udp-port', text: `UDP Port: ${pairing.udpPort}` }),
    outcome,
    done,
  );
  let stopWatching = () => undefined;
  const stop = () => {
    stopWatching();
    dialog.remove();
  };
  done.addEventListener('click', stop);
  // The device this pairing's token paired, as the server says: never another device that paired meanwhile.
  const watch = async () => {
    const status = await read(`/v1/console/pairings/${encodeURIComponent(pairing.pairingId)}`).catch(() => undefined);
    const devices = status?.status === 'paired' ? await read('/v1/console/devices').catch(() => undefined) : undefined;
    const paired = devices?.devices.find((d) => d.deviceId === status.deviceId);
    if (status?.status === 'expired') {
      stopWatching();
      return void (outcome.textContent = 'The QR code expired. Start again.');
    }
    if (!paired) return;
    stopWatching();
    // Once, when the device is listed: each refresh after a step drops the screen's reads asked before it.
    void refresh().catch(() => undefined);
    outcome.replaceChildren(...pairingOutcome(original, paired));
  };
  stopWatching = keepFresh(watch, WATCH_MS);
}
