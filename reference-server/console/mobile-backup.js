/*
 * Settings > Mobile Backup (seed 000 §7, §11.2): the paired devices with their backup folders and what each has
 * backed up there (backups.js), and "Add or migrate
 * device": add a new device, or migrate an existing device's backed-up content to a replacement; then the QR code
 * with the actual TCP and UDP ports, until the device pairs.
 */
import { act, read } from './api.js';
import { keepFresh } from './changes.js';
import { h, openDialog, showError } from './dom.js';
import { nameElement } from './names.js';
import { qrImage } from './qr.js';
import { backupsCell, backupsOf } from './backups.js';

const POLL_MS = 1500;
/** How often the pairing dialog asks whether its QR code has paired a device. */
const WATCH_MS = 1000;
const BACKUP_READS_AT_ONCE = 4;
const READ_FIRST = 20;

/** `…\<folder>\`: the last part of the device's backup path, as the desktop program shows it. */
export function folderOf(backupPath) {
  const parts = String(backupPath).split(/[\\/]/).filter(Boolean);
  return `…\\${parts[parts.length - 1] ?? ''}\\`;
}

/** What a device's row shows of it: a row is made again only when this changes. */
function shownAs(device) {
  return JSON.stringify([device.name, device.model, device.platform, device.backupPath, device.migratedFrom?.name]);
}

/** What a device's backups cell shows: the cell is made again only when this changes. */
const backupsShownAs = (backups) => (backups ? JSON.stringify(backups) : '');

function deviceRow(device, backups) {
  const migrated = device.migratedFrom
    ? h('td', {}, 'from ', nameElement('span', device.migratedFrom.name))
    : h('td', { text: '' });
  const row = h(
    'tr',
    { 'data-device-id': device.deviceId },
    h('td', {}, nameElement('span', device.name, 'device-name')),
    h('td', {}, nameElement('span', device.model, 'device-model')),
    h('td', { text: device.platform }),
    h('td', {}, nameElement('span', folderOf(device.backupPath), 'backup-folder')),
    backups ? backupsCell(backups) : h('td', { class: 'device-backups', text: '…' }),
    migrated,
  );
  row.device = device;
  row.backupsShown = backupsShownAs(backups);
  return row;
}

export function mobileBackupScreen(root, info) {
  let devices = [];
  const list = h('tbody', { id: 'device-list' });
  // Each device's backups as last read, and its row. The list itself is one request and shows at once; the backups
  // follow a few requests at a time from a queue, so a server holding thousands of devices is never asked thousands
  // of things at once.
  const known = new Map();
  const rows = new Map();
  const firstSeen = new Map();
  let seen = 0;
  let queue = [];
  let reading = 0;
  const readBackups = async () => {
    reading += 1;
    try {
      for (let device = queue.shift(); device; device = queue.shift()) {
        const backups = await backupsOf(device);
        known.set(device.deviceId, backups);
        const row = rows.get(device.deviceId);
        // Read again at every refresh, a row's backups mostly stand as they were: drawn anew only when they changed.
        if (!row || row.backupsShown === backupsShownAs(backups)) continue;
        // The row as the latest list has the device (a migration renames it), with its backups.
        const fresh = deviceRow(row.device, backups);
        row.replaceWith(fresh);
        rows.set(device.deviceId, fresh);
      }
    } finally {
      reading -= 1;
    }
  };
  // The rows follow the list as it changes: a row is made for a device that joined, changed where the device did
  // (a migration renames it), removed with a device that left; the others stay as they are, so a list of thousands
  // costs its new rows, not all of them, at every poll.
  const showList = (listed) => {
    const ids = new Set(listed.map((device) => device.deviceId));
    for (const [id, row] of rows) {
      if (ids.has(id)) continue;
      row.remove();
      rows.delete(id);
    }
    let previous;
    for (const device of listed) {
      let row = rows.get(device.deviceId);
      if (!row || shownAs(row.device) !== shownAs(device)) {
        const fresh = deviceRow(device, known.get(device.deviceId));
        if (row) row.replaceWith(fresh);
        else if (previous) previous.after(fresh);
        else list.prepend(fresh);
        rows.set(device.deviceId, fresh);
        row = fresh;
      }
      previous = row;
    }
  };
  const refresh = async () => {
    devices = (await read('/v1/console/devices')).devices;
    showList(devices);
    // The devices that joined the list last (as this page saw them come, then by registration) are read again at
    // every refresh, ahead of the pass through the others, which goes on where it stood (and starts again once
    // done), so every row is read in its turn.
    for (const device of devices) if (!firstSeen.has(device.deviceId)) firstSeen.set(device.deviceId, seen++);
    const newest = [...devices].sort(
      (a, b) => firstSeen.get(b.deviceId) - firstSeen.get(a.deviceId) || (b.registeredAt ?? 0) - (a.registeredAt ?? 0),
    );
    const first = newest.slice(0, READ_FIRST);
    const ahead = new Set(first.map((d) => d.deviceId));
    const rest = queue.length > 0 ? queue : newest.slice(READ_FIRST);
    queue = [...first, ...rest.filter((d) => !ahead.has(d.deviceId))];
    while (reading < BACKUP_READS_AT_ONCE && queue.length > 0) void readBackups();
    return devices;
  };
  const addButton = h('button', { type: 'button', id: 'add-or-migrate', text: 'Add or migrate device' });
  addButton.addEventListener('click', () => addOrMigrate(info, devices, refresh));
  root.replaceChildren(
    h('h2', { text: 'Mobile Backup' }),
    addButton,
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Device', 'Model', 'Platform', 'Backup folder', 'Backups', 'Migrated'].map((t) => h('th', { text: t })),
        ),
      ),
      list,
    ),
  );
  keepFresh(refresh, POLL_MS, root);
}

function addOrMigrate(info, devices, refresh) {
  const error = h('p', { role: 'alert', id: 'wizard-error' });
  const addOption = h('input', { type: 'radio', name: 'wizard-mode', value: 'add', id: 'mode-add', checked: true });
  const migrateOption = h('input', { type: 'radio', name: 'wizard-mode', value: 'migrate', id: 'mode-migrate' });
  const chooser = h(
    'select',
    { id: 'original-device', 'aria-label': 'Original device' },
    ...devices.map((d) => h('option', { value: d.deviceId }, nameElement('span', d.name))),
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
    h('p', {}, addOption, h('label', { for: 'mode-add', text: 'Add new device for backup without migration' })),
    h(
      'p',
      {},
      migrateOption,
      h('label', { for: 'mode-migrate', text: 'Migrate backup content of existing device to a new device' }),
    ),
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
  const mode = original
    ? 'Migrate backup content of existing device to a new device'
    : 'Add new device for backup without migration';
  const dialog = openDialog(
    'pairing',
    h('h3', { text: 'Mobile Backup Setup' }),
    h('p', {
      text:
        'Please scan the QR code to get the below Mobile App from App Store. Once installed the Mobile App, ' +
        'launch it and scan the same QR code to complete the device registration.',
    }),
    h('p', { text: `Mobile Backup (${mode})` }),
    await qrImage(pairing.payload, 'Pairing QR code'),
    h('h4', { text: 'Prerequisites' }),
    h(
      'ul',
      { id: 'prerequisites' },
      h('li', { text: 'Please use the latest Mobile App version' }),
      h('li', { text: 'Please make sure below 2 ports are not blocked by any Firewall settings' }),
    ),
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
    if (devices) void refresh().catch(() => undefined);
    const paired = devices?.devices.find((d) => d.deviceId === status.deviceId);
    if (status?.status === 'expired') {
      stopWatching();
      return void (outcome.textContent = 'The QR code expired. Start again.');
    }
    if (!paired) return;
    stopWatching();
    outcome.replaceChildren(
      ...(original
        ? [
            'Replacement device is paired successfully and migration of contents from ',
            nameElement('b', original.name),
            ' to ',
            nameElement('b', paired.name),
            ' is completed.',
          ]
        : ['Device paired successfully. Mobile backup registration is successful: ', nameElement('b', paired.name)]),
    );
  };
  stopWatching = keepFresh(watch, WATCH_MS);
}
