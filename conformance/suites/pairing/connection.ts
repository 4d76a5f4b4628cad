/**
 * The app's side of pairing and its connection setting (seed 000 §6.2, §6.2.1): no backup or restore before
 * pairing; two modes, locate automatically or a typed host; an invalid or silent host fails with the seed's message
 * and changes nothing; a reachable typed host replaces the setting and the app goes on without pairing again. What
 * each checks is connection-commands.ts's, shared with the checks through the screens
 * (connection-screens.ts).
 */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { ClientError } from '../../spec/errors.js';
import { addMedia, newWorld, serverItems, type World } from '../../kit/device-support.js';
import { checkConnection, expectNeedsPairing, offDefaultToo, type ConnectionApp } from './connection-commands.js';
import { where } from '../../kit/applies.js';
import { offTheDefaultPort } from './server-off-default.js';

export { SEED_MESSAGE } from './connection-commands.js';

/** Runs `action` and answers the code of the ClientError it throws, or 'none'. */
async function refusal(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
    return 'none';
  } catch (error) {
    return error instanceof ClientError ? error.code : `unexpected ${(error as Error).message}`;
  }
}

const beforePairing: Check = {
  id: 'pairing-needed-before-backup',
  title: 'Before pairing, the app refuses backup, restore and the connection setting',
  area: 'PAIR',
  requirements: ['PAIR-04'],
  scope: 'device',
  applies: where({ device: 'alone' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context, { pair: false });
      const { app } = world;
      addMedia(world, { name: 'IMG_UNPAIRED.jpg' });
      const actions = {
        backup: () => app.backup(),
        restore: () => app.restore([]),
        browse: () => app.listRestorable('recent'),
      };
      await expectNeedsPairing((action) => refusal(actions[action]));
    }),
};

/** The app model on a simulated device, paired, in process. */
function modelApp(world: World): ConnectionApp {
  const { app } = world;
  return {
    connection: async () => app.connection,
    pairing: async () => ({ deviceId: app.pairing?.deviceId, host: app.pairing?.host, tcpPort: app.pairing?.tcpPort }),
    async save(setting) {
      try {
        await app.setConnection(setting);
        return undefined;
      } catch (error) {
        return error instanceof ClientError ? error.message : `unexpected ${(error as Error).message}`;
      }
    },
    async backUpPhoto() {
      addMedia(world, { name: 'IMG_MANUAL_HOST.jpg' });
      const job = await app.backup();
      await job.idle();
      return { state: job.state, stored: (await serverItems(app)).length };
    },
  };
}

const connectionSetting: Check = {
  id: 'pairing-connection-setting',
  title:
    'Edit connection setting: automatic mode finds the machine on the LAN, an invalid or silent host fails with the seed message, a reachable host replaces the setting without pairing again',
  area: 'PAIR',
  requirements: ['PAIR-05', 'PAIR-06', 'PAIR-08', 'PAIR-09'],
  scope: 'device',
  applies: where({ device: 'paired' }),
  async run(context: DeviceCheckContext) {
    const outcome = await checkConnection(modelApp(await newWorld(context)), context.session, context);
    return offDefaultToo(outcome, (steps) =>
      offTheDefaultPort(context, async (other) => void (await steps(modelApp(await newWorld(other)), other.session))),
    );
  },
};

export const PAIRING_CONNECTION_CHECKS: readonly Check[] = [beforePairing, connectionSetting];
