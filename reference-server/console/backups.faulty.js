/* The self-test's faulty backups.js (console-backups-hidden): every device shows no backups. */
import { h } from './dom.js';

export async function backupsOf() {
  return { items: [], nextCursor: null };
}

export function backupsCell() {
  return h('td', { class: 'device-backups' }, h('span', { class: 'backup-count', text: 'No backups yet' }));
}
