/*
 * What a device has backed up, for its entry in Settings > Mobile Backup: the first BACKUPS_SHOWN items in its
 * backup folder, oldest first, as the device itself lists them; their names enter the page as text (names.js).
 */
import { read } from './api.js';
import { h } from './dom.js';
import { nameElement } from './names.js';

const BACKUPS_SHOWN = 20;

/** The device's backed-up items, as the device itself lists them; undefined when they cannot be read just now. */
export async function backupsOf(device) {
  const path = `/v1/console/devices/${encodeURIComponent(device.deviceId)}/items?limit=${BACKUPS_SHOWN}`;
  return read(path).catch(() => undefined);
}

export function backupsCell({ items, nextCursor }) {
  const count = items.length === 0 ? 'No backups yet' : `${items.length}${nextCursor ? '+' : ''} backed-up items`;
  return h(
    'td',
    { class: 'device-backups' },
    h('span', { class: 'backup-count', text: count }),
    h('ul', {}, ...items.map((item) => nameElement('li', item.meta.name, 'backup-item'))),
  );
}
