/**
 * The app through its screens (seed 000 §6): checks that tap, read texts and call `mobile:` methods through an
 * AppDriver, so the same check runs on the session model in process or over WebDriver through Appium
 * (`mbsc run --via appium`). They see only what a user or a WebDriver test sees: element texts and `mobile:
 * appState`.
 */
import { createServer, type Socket } from 'node:net';
import type { Check, CheckContext, CheckOutcome } from '../framework/check.js';
import { checkOnce } from '../framework/property.js';
import { turns } from '../framework/turns.js';
import { within } from '../framework/violation.js';
import { deviceNeeds, expectEqual, expectTrue } from './device-support.js';
import { SEED_MESSAGE } from './pairing-connection.js';
import { pairThroughScreens, state, withApp } from './ui-support.js';
import { whileRegistered } from './ui-two-factor-support.js';

const holdAndRestore: Check = {
  id: 'ui-backup-hold-and-restore',
  title:
    'Through the screens: a backup at 29% battery holds with the low-battery message, goes on at 30%, reports its counts, and the photos come back by Restore',
  area: 'RUN',
  requirements: ['RUN-03', 'RUN-04', 'RUN-09', 'BAK-04', 'BAK-05', 'RST-08'],
  scope: 'device',
  tags: ['ui'],
  applies: deviceNeeds(),
  run: (context: CheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        await pairThroughScreens(driver, context.session);
        await driver.execute('mobile: addMedia', { kind: 'photo', count: 3, sizeBytes: 20_000 });
        await driver.execute('mobile: setBattery', { level: 29, charging: false });
        await driver.tap('tab-backup');
        await driver.tap('backup-start');
        await driver.execute('mobile: waitForIdle', {});
        await within(['RUN-03', 'RUN-09'], async () => {
          expectEqual(
            ['RUN-03'],
            'the backup at 29% with power saving on',
            (await state(driver)).backup?.state,
            'held',
          );
          const message = await driver.text('hold-battery-low');
          expectTrue(['RUN-09'], /battery/i.test(message) && message.includes('30%'), `the hold message: "${message}"`);
        });
        await driver.execute('mobile: setBattery', { level: 30, charging: false });
        await driver.execute('mobile: waitForIdle', {});
        expectEqual(['RUN-04'], 'the backup at exactly 30%', (await state(driver)).backup?.state, 'completed');
        const android = context.column.profile!.platform === 'android';
        const counts = android
          ? '3 Photos, 0 Videos, 0 Files, and 0 2FA Accounts'
          : '3 Photos, 0 Videos, and 0 2FA Accounts';
        expectEqual(
          [android ? 'BAK-04' : 'BAK-05'],
          'the result',
          await driver.text('backup-status'),
          `Backup completed: ${counts}`,
        );

        await driver.execute('mobile: deleteMedia', {});
        await driver.tap('backup-restore');
        await driver.tap('restore-select-photo');
        await driver.tap('restore-start');
        await driver.execute('mobile: waitForIdle', {});
        const after = await state(driver);
        expectEqual(['RST-08'], 'photos restored', after.restore?.restored.photo, 3);
        expectTrue(
          ['RST-08'],
          (await driver.text('restore-status')).includes('3 Photos'),
          'the restore result names 3 Photos',
        );
      }),
    ),
};

const approveOnPhone: Check = {
  id: 'ui-2fa-push-approval',
  title:
    'Through the screens: a phone registered by QR gets the push request on its 2FA page, and Approve logs the desktop in',
  area: 'PUSH',
  requirements: ['TFA-05', 'PUSH-01', 'PUSH-03'],
  scope: 'device',
  tags: ['ui'],
  // Registering an authenticator turns 2FA on for every client of the server: nothing may run beside it.
  exclusive: true,
  applies: deviceNeeds({ twoFactor: true }),
  run: (context: CheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        const desk = context.session.console!;
        await whileRegistered(driver, desk, async ({ scanned, authenticatorId }) => {
          expectTrue(
            ['TFA-05'],
            scanned.ok && authenticatorId !== undefined,
            `registration: ${JSON.stringify(scanned)}`,
          );
          const login = await desk.call('startLogin', { body: {} });
          await desk.call('loginPush', {
            params: { loginId: login.loginId },
            body: { authenticatorId: authenticatorId! },
          });
          await driver.tap('tfa-refresh');
          const request = (await state(driver)).requests.find((r) => r.loginId === login.loginId);
          expectTrue(['PUSH-01'], request !== undefined, 'the push request on the phone’s 2FA page');
          await driver.tap(`request-${request!.requestId}-approve`);
          await driver.execute('mobile: waitForIdle', {});
          const after = await desk.call('getLogin', { params: { loginId: login.loginId } });
          expectEqual(['PUSH-03'], 'the login after Approve', after.state, 'logged-in');
        });
      }),
    ),
};

const noCamera: Check = {
  id: 'ui-2fa-without-camera',
  title:
    'Through the screens: a phone without a camera cannot open the QR scanner, and registers for 2FA by secret key',
  area: 'TFA',
  requirements: ['TFA-12', 'TFA-08'],
  scope: 'device',
  tags: ['ui'],
  // Registering an authenticator turns 2FA on for every client of the server: nothing may run beside it.
  exclusive: true,
  applies: deviceNeeds({ twoFactor: true }),
  run: (context: CheckContext) =>
    checkOnce(() =>
      withApp(
        context,
        async (driver) => {
          await driver.tap('tab-2fa');
          await driver.tap('tfa-scan-qr');
          const refused = await state(driver);
          expectTrue(['TFA-12'], refused.screen !== 'scanner', 'the QR scanner opened on a phone without a camera');
          expectTrue(['TFA-12'], /camera/i.test(refused.message ?? ''), `the app says: "${refused.message}"`);
          await driver.tap('message-ok');
          const desk = context.session.console!;
          const before = new Set((await desk.call('getTwoFactor')).authenticators.map((a) => a.authenticatorId));
          const registration = await desk.call('createRegistration', { body: {} });
          try {
            await driver.tap('tfa-no-qr');
            await driver.type('secret-issuer', 'MBS');
            await driver.type('secret-username', registration.username);
            await driver.type('secret-key', registration.secret);
            await driver.tap('secret-add');
            await driver.execute('mobile: waitForIdle', {});
            const after = await state(driver);
            const account = after.accounts.find((a) => a.label === registration.username);
            expectTrue(
              ['TFA-12', 'TFA-08'],
              account !== undefined,
              `no account after the secret key: ${after.message}`,
            );
          } finally {
            for (const a of (await desk.call('getTwoFactor')).authenticators) {
              if (before.has(a.authenticatorId)) continue;
              await desk.call('removeAuthenticator', { params: { authenticatorId: a.authenticatorId } });
            }
          }
        },
        { camera: false },
      ),
    ),
};

const confirmPairing: Check = {
  id: 'ui-pairing-confirmation',
  title:
    'Through the screens: a detected pairing QR code is confirmed first; Cancel leaves the phone unpaired, OK pairs it',
  area: 'PAIR',
  requirements: ['PAIR-02', 'PAIR-03'],
  scope: 'device',
  tags: ['ui'],
  applies: deviceNeeds(),
  run: (context: CheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        const { payload } = await context.session.console!.call('createPairing', { body: { mode: 'add' } });
        await driver.tap('home-activate');
        await driver.execute('mobile: scanQr', { payload });
        const asked = await state(driver);
        expectEqual(['PAIR-03'], 'the screen after the code is detected', asked.screen, 'pair-confirm');
        expectEqual(['PAIR-03'], 'the pairing before an answer', asked.pairing, null);
        await driver.tap('pair-cancel');
        expectEqual(['PAIR-03'], 'the pairing after Cancel', (await state(driver)).pairing, null);
        await driver.tap('home-activate');
        await driver.execute('mobile: scanQr', { payload });
        await driver.tap('pair-confirm');
        const paired = await state(driver);
        expectTrue(['PAIR-02'], paired.pairing !== null, `no pairing after OK: ${paired.message}`);
        expectEqual(['PAIR-02'], 'the server paired with', paired.pairing?.edition, context.session.edition);
      }),
    ),
};

/** A listener that takes connections and never answers: a backup machine that is slow to answer, on loopback. */
async function silentListener(host: string, port: number): Promise<{ close(): Promise<void> } | undefined> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, host, () => resolve(true));
  });
  if (!listening) return undefined;
  return {
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Whether the element `id` is shown disabled, as the page source (UiAutomator2 or XCUITest) says. */
const disabledIn = (source: string, id: string) =>
  source.split('\n').some((line) => line.includes(`"${id}"`) && line.includes('enabled="false"'));

/** The cells of one edition share the server's port: one holds 127.0.0.2 at it at a time. */
const holdingLoopback = turns();

const attempting: Check = {
  id: 'ui-connection-attempting',
  title:
    'Through the screens: while Save & Connect tries a typed host, the field is disabled and "Attempting to connect" is shown; a host that does not answer ends with the seed message',
  area: 'PAIR',
  requirements: ['PAIR-07', 'PAIR-08'],
  scope: 'device',
  tags: ['ui'],
  applies: deviceNeeds(),
  async run(context: CheckContext): Promise<CheckOutcome> {
    let unavailable: string | undefined;
    const outcome = await checkOnce(() =>
      withApp(context, (driver) =>
        holdingLoopback(async () => {
          await pairThroughScreens(driver, context.session);
          // 127.0.0.2 is loopback on Linux: a listener there at the server's port takes the app's attempt and holds it.
          const port = (await state(driver)).pairing!.tcpPort;
          const listener = await silentListener('127.0.0.2', port);
          if (!listener) {
            unavailable = `cannot listen on 127.0.0.2:${port} on this machine to hold a connection attempt`;
            return;
          }
          try {
            await driver.tap('tab-backup');
            await driver.tap('backup-connection');
            await driver.tap('connection-manual');
            await driver.type('connection-host', '127.0.0.2');
            await driver.tap('connection-save');
            expectEqual(
              ['PAIR-07'],
              'the screen while it tries',
              await driver.text('connection-status'),
              'Attempting to connect',
            );
            expectTrue(
              ['PAIR-07'],
              disabledIn(await driver.pageSource(), 'connection-host'),
              'the host field is enabled while it tries',
            );
          } finally {
            await listener.close();
          }
          const after = await driver.execute('mobile: waitForIdle', {});
          expectEqual(['PAIR-08'], 'the message once the host hung up', after.message, SEED_MESSAGE);
          expectEqual(['PAIR-07'], 'the connection setting kept', after.connection, { mode: 'auto' });
        }),
      ),
    );
    return unavailable ? { verdict: 'skipped', reason: unavailable } : outcome;
  },
};

export const APP_UI_CHECKS: readonly Check[] = [holdAndRestore, approveOnPhone, noCamera, confirmPairing, attempting];
