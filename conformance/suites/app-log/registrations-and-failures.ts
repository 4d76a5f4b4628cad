/**
 * The app log's Info entries for registrations and Error entries for failures (seed 000 §6.4.7: App Log): pairing
 * for backup and registering for 2FA each log one Info entry, and a backup and a restore that fail once the desktop
 * removed the device each log one Error entry.
 */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { TwoFactorApp } from '../../../simulators/app/authenticator/two-factor-app.js';
import { addMedia, expectEqual, newWorld, serverItems, type World } from '../../kit/device-support.js';
import { where } from '../../kit/applies.js';

/** Entries written since `from`, oldest first. */
const since = (world: World, from: number) => world.app.log.all().slice(from);

export const backupRegistrationCheck: Check = {
  id: 'app-log-backup-registration',
  title: 'Registering for backup writes a Backup Info entry',
  area: 'LOG',
  requirements: ['LOG-04'],
  scope: 'device',
  applies: where({ device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context);
      const types = world.app.log.all().map((e) => e.type);
      expectEqual(['LOG-04'], 'log entries after pairing', types, ['Backup Info']);
    }),
};

export const twoFactorRegistrationCheck: Check = {
  id: 'app-log-2fa-registration',
  title: 'Registering for 2FA writes a 2FA Info entry',
  area: 'LOG',
  requirements: ['LOG-04'],
  scope: 'device',
  exclusive: true,
  applies: where({ device: 'paired', twoFactor: true }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context, { pair: false, authenticator: true });
      const console = context.session.console!;
      const registration = await console.call('createRegistration', { body: {} });
      const tfa = new TwoFactorApp(world.app);
      const account = await tfa.scanRegistrationQr(registration.payload);
      try {
        expectEqual(
          ['LOG-04'],
          'log entries after registering for 2FA',
          world.app.log.all().map((e) => e.type),
          ['2FA Info'],
        );
      } finally {
        const id = tfa.linkFor(account.id)?.authenticatorId;
        if (id) await console.call('removeAuthenticator', { params: { authenticatorId: id } });
      }
    }),
};

export const failuresCheck: Check = {
  id: 'app-log-failures',
  title: 'A failed backup writes a Backup Error entry and a failed restore a Restore Error entry',
  area: 'LOG',
  requirements: ['LOG-05'],
  scope: 'device',
  applies: where({ device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context);
      const { app, device } = world;
      const photo = addMedia(world, { name: 'IMG_1.jpg' });
      await app.backup();
      const held = await serverItems(app);
      device.removeMedia(photo.id);
      addMedia(world, { name: 'IMG_2.jpg' });
      // The desktop side removes the device: the app's next backup and restore fail.
      await context.session.console!.call('removeDevice', { params: { deviceId: app.pairing!.deviceId } });
      let from = app.log.all().length;
      const backup = await app.backup();
      expectEqual(['LOG-05'], 'the backup', backup.state, 'failed');
      expectEqual(
        ['LOG-05'],
        'entries of the failed backup',
        since(world, from).map((e) => e.type),
        ['Backup Error'],
      );
      from = app.log.all().length;
      const restore = await app.restore(held);
      expectEqual(['LOG-05'], 'the restore', restore.state, 'failed');
      expectEqual(
        ['LOG-05'],
        'entries of the failed restore',
        since(world, from).map((e) => e.type),
        ['Restore Error'],
      );
    }),
};
