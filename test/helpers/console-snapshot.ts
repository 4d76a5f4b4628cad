/**
 * What a server's owner sees of it through the console: its devices (with how many items each has backed up) and
 * its 2FA settings (authenticators, password lock). A run that leaves a server as it found it leaves this unchanged.
 */
import type { MbsClient } from '../../simulators/mbs-client/mbs-client.js';

export async function consoleSnapshot(desk: MbsClient) {
  const { devices } = await desk.call('listDevices');
  const items = async (deviceId: string) =>
    (await desk.call('listDeviceItems', { params: { deviceId }, query: {} })).items.length;
  return {
    devices: await Promise.all(devices.map(async (d) => ({ ...d, items: await items(d.deviceId) }))),
    twoFactor: await desk.call('getTwoFactor'),
  };
}
