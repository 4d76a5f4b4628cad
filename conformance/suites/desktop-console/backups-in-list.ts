/**
 * What a paired phone backed up, as Settings > Mobile Backup shows it under the device's entry: the phone backs up
 * one photo over the protocol, and its name must show in that device's row exactly as given (an entity in it shows
 * as those characters), read off the page as a person would.
 */
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { bytesOf, metaOf, sha256 } from '../../kit/server-support.js';
import type { CheckContext } from '../../kit/check.js';
import { Violation } from '../../kit/violation.js';
import type { ConsolePage } from './console-page.js';

/** The phone's side: a backup job with one photo, committed. Returns the photo's name. */
export async function backUpPhoto(context: CheckContext, paired: { deviceKey: string }, stem: string): Promise<string> {
  const phone = new MbsClient({ baseUrl: context.session.url, deviceKey: paired.deviceKey });
  const bytes = bytesOf(context.content.contentSeed(), 2048);
  const meta = metaOf('photo', stem);
  const { backupId } = await phone.call('startBackup', { body: {} });
  const item = await phone.uploadItem(backupId, bytes, meta, sha256(bytes));
  await phone.call('commitBackup', { params: { backupId }, body: { present: [item.sha256], accounts: [] } });
  return meta.name;
}

/** Waits for the row of `deviceName` to list `itemName` among its backups, exactly as given. */
export async function seesBackup(view: ConsolePage, deviceName: string, itemName: string): Promise<void> {
  const row = view.page
    .locator(view.sel('deviceRows'))
    .filter({ has: view.page.getByText(deviceName, { exact: true }) })
    .first();
  const item = row.locator(view.sel('backupItem')).filter({ hasText: itemName });
  await item
    .first()
    .waitFor()
    .catch(async () => {
      const shown = await row.locator(view.sel('deviceBackups')).textContent();
      throw new Violation(
        ['DESK-04'],
        `the entry of ${deviceName} shows the backups "${shown ?? ''}", without the backed-up "${itemName}"`,
      );
    });
  const text = await item.first().textContent();
  if (text !== itemName) {
    throw new Violation(['DESK-04'], `the backed-up "${itemName}" shows as "${text ?? ''}"`);
  }
}
