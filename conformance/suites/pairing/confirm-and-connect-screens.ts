/**
 * Pairing and connecting through the screens: a detected pairing QR code is confirmed before the phone pairs, and
 * while Save & Connect tries a typed host the screen says so, with a listener on loopback that never answers.
 */
import { createServer, type Socket } from 'node:net';
import type { Check, DeviceCheckContext, CheckOutcome } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { turns } from '../../kit/turns.js';
import { expectEqual, expectTrue } from '../../kit/device-support.js';
import { SEED_MESSAGE } from './connection.js';
import { pairThroughScreens, state, withApp } from '../../kit/screens-support.js';
import { where } from '../../kit/applies.js';
import { shown } from '../../kit/page-elements.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import type { Platform } from '../../../simulators/device/device-spec.js';

const PAIRED_SAYS = 'Device paired successfully.';

/** The sources a new pairing offers selected (seed 000 §7.1, §7.2 step vi), as their switches' ids. */
const PAIRED_SELECTS = {
  android: ['source-2fa', 'source-documents', 'source-photos', 'source-videos'],
  ios: ['source-2fa', 'source-photos', 'source-videos'],
} as const;

/** The source switches shown on the current screen: those on, by id, sorted. */
async function sourcesOn(driver: AppDriver): Promise<string[]> {
  return (await shown(driver, /^source-/))
    .filter((e) => e.checked)
    .map((e) => e.id)
    .sort();
}

/**
 * OK on "Device paired successfully" (the dialog is up): the backup-source choice with every source of the platform
 * selected; Videos deselected there and Done lead back to the Backup screen with that selection kept.
 */
async function chooseSourcesAfterPairing(driver: AppDriver, platform: Platform): Promise<void> {
  await driver.tap('message-ok');
  const choice = await state(driver);
  expectEqual(['PAIR-16'], 'the dialog after OK', choice.message, null);
  expectEqual(['PAIR-17'], 'the screen after OK', choice.screen, 'backup-source');
  expectEqual(['PAIR-17'], 'the sources selected once paired', await sourcesOn(driver), [...PAIRED_SELECTS[platform]]);
  await driver.tap('source-videos');
  await driver.tap('backup-source-done');
  expectEqual(['PAIR-17'], 'the screen after Done', (await state(driver)).screen, 'backup');
  const kept = PAIRED_SELECTS[platform].filter((id) => id !== 'source-videos');
  expectEqual(['PAIR-17'], 'the Backup page’s sources after Done', await sourcesOn(driver), kept);
}

export const uiPairingConfirmationCheck: Check = {
  id: 'pairing-confirmation-screens',
  title:
    'Through the screens: a detected pairing QR code is confirmed first; Cancel leaves the phone unpaired, OK pairs it and the app says "Device paired successfully"; OK leads to the sources, all selected, and Done to the Backup screen',
  area: 'PAIR',
  requirements: ['PAIR-02', 'PAIR-03', 'PAIR-16', 'PAIR-17'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ device: 'paired' }),
  run: (context: DeviceCheckContext) =>
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
        // The seed's step vi: "Device paired successfully. Tap OK to proceed."
        expectEqual(['PAIR-16'], 'the app once paired', await driver.text('message-text'), PAIRED_SAYS);
        await chooseSourcesAfterPairing(driver, context.column.profile.platform);
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

export const uiConnectionAttemptingCheck: Check = {
  id: 'pairing-connection-attempting-screens',
  title:
    'Through the screens: while Save & Connect tries a typed host, the field is disabled and "Attempting to connect" is shown; a host that does not answer ends with the seed message',
  area: 'PAIR',
  requirements: ['PAIR-07', 'PAIR-08'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ device: 'paired' }),
  async run(context: DeviceCheckContext): Promise<CheckOutcome> {
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
    return unavailable ? { verdict: 'untested', reason: unavailable } : outcome;
  },
};
