/*
 * Settings > Mobile Backup (seed 000 §7, §11.2): the paired devices with their backup folders and what each has
 * backed up there (backups.js), and the "Add or migrate device" button that opens its dialogs (add-or-migrate.js).
 */
import { read } from './api.js';
import { keepFresh, staleReads } from './changes.js';
import { h } from './dom.js';
import { nameElement } from './names.js';
import { backupsCell, backupsOf } from './backups.js';
import { addOrMigrate } from './add-or-migrate.js';

const POLL_MS = 1500;
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
  // How many reads of each device's backups were asked, and which of them was drawn last: two reads of one device
  // overlap when a refresh puts it back at the front of the queue, and one asked earlier that answers later is
  // dropped rather than drawn over a newer one.
  const asked = new Map();
  const drawn = new Map();
  const readBackups = async () => {
    reading += 1;
    try {
      for (let device = queue.shift(); device; device = queue.shift()) {
        const order = (asked.get(device.deviceId) ?? 0) + 1;
        asked.set(device.deviceId, order);
        const backups = await backupsOf(device);
        if (backups === undefined || (drawn.get(device.deviceId) ?? 0) > order) continue;
        drawn.set(device.deviceId, order);
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
  // A poll asked before the pairing dialog saw its device pair reads the list from before it.
  const reads = staleReads();
  const refresh = async () => {
    const listed = await reads.fresh(() => read('/v1/console/devices'));
    if (listed === undefined) return;
    devices = listed.devices;
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
  };
  const addButton = h('button', { type: 'button', id: 'add-or-migrate', text: 'Add or migrate device' });
  const refreshAfterPairing = () => reads.afterStep(refresh);
  addButton.addEventListener('click', () => addOrMigrate(info, devices, refreshAfterPairing));
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
