/**
 * 41 days of virtual time on an iPhone: back up, free up space (the removed photos go to Recently Deleted and keep
 * using storage), then advance the clock a day at a time while hourly timers drain and charge the battery and move
 * the phone on and off the home Wi-Fi. Recently Deleted must be empty from day 40 on, and not before. The server
 * runs on the same virtual clock. Only the advancing is timed: that is the ratio of virtual to wall time, and its CPU
 * time against the goal of 40 days of a phone's life in at most 0.1 s of CPU.
 */
import { loadProfile } from '../../devices/load-profiles.js';
import { MobileApp } from '../../simulators/app/mobile-app.js';
import { GB } from '../../simulators/app/settings.js';
import { DAY_MS } from '../../simulators/clock/clock.js';
import { VirtualClock } from '../../simulators/clock/virtual-clock.js';
import { RECENTLY_DELETED_MS, SimulatedDevice } from '../../simulators/device/simulated-device.js';
import { makeLibrary } from './library.js';
import { timed } from './op-rate.js';
import { startSimServer } from './sim-server.js';

const HOUR_MS = 3_600_000;

export interface DaysResult {
  readonly profileId: string;
  readonly items: number;
  readonly removed: number;
  readonly removedBytes: number;
  readonly virtualDays: number;
  readonly wallSeconds: number;
  /** CPU seconds (user + system, the whole process: server and phone share it) of the advancing. */
  readonly cpuSeconds: number;
  /** That CPU time scaled to 40 virtual days, the goal's unit. */
  readonly cpuSecondsPer40Days: number;
  /** Virtual ms per wall ms. */
  readonly virtualPerWall: number;
  readonly hourlyTicks: number;
  readonly deviceEvents: number;
  /** Items in Recently Deleted at the end of each day (index 0 = day 1). */
  readonly recentlyDeletedByDay: number[];
  /** The first hourly check that found Recently Deleted empty, in virtual hours after free up space. */
  readonly emptiedAtHour: number | null;
  /** Free bytes at the end of day 39 and at the end of the run: the expired items' storage comes back. */
  readonly freeBytesDay39: number;
  readonly freeBytesEnd: number;
  readonly problem: string | null;
}

export async function runRecentlyDeletedDays(days: number, itemCount: number, seed: number, dataParent: string) {
  const clock = new VirtualClock();
  const server = await startSimServer(dataParent, { now: () => clock.now() });
  try {
    const device = new SimulatedDevice(loadProfile('iphone-6s'), clock);
    const library = makeLibrary('ios', itemCount, seed, 4_000_000);
    for (const init of library.items) device.addMedia(init);
    const app = new MobileApp(device);
    app.updateSettings({ automatedBackup: false });
    await app.scanQr(await server.pairingPayload());
    const job = await app.backup();
    if (job.state !== 'completed') throw new Error(`the scenario's backup ended ${job.state}`);
    app.updateSettings({ automatedBackup: true, freeUpSpace: true, freeUpSpaceLimitGb: 2 });
    // About half the library's bytes short of the 2 GB limit: free up space removes the oldest half or so.
    device.setFreeBytes(2 * GB - Math.floor(library.totalBytes / 2));
    await app.freeUpSpace();
    const removed = device.recentlyDeleted();
    const removedBytes = removed.reduce((n, d) => n + d.item.size, 0);

    let deviceEvents = 0;
    device.onChange(() => void deviceEvents++);
    let hour = 0;
    let emptiedAtHour: number | null = null;
    const totalHours = days * 24;
    const tick = () => {
      hour += 1;
      // Unplugged the battery drains 4%/h; below 20% it is plugged in and charges 15%/h, unplugged again when full.
      const charging = device.charging ? device.batteryLevel < 100 : device.batteryLevel < 20;
      const level = charging ? Math.min(100, device.batteryLevel + 15) : Math.max(0, device.batteryLevel - 4);
      device.setBattery(level, charging);
      const atHome = hour % 24 >= 18 || hour % 24 < 8;
      if (atHome !== device.network.backupMachineReachable) {
        device.setNetwork(
          atHome ? { wifi: 'home', backupMachineReachable: true } : { wifi: 'office', backupMachineReachable: false },
        );
      }
      if (emptiedAtHour === null && device.recentlyDeleted().length === 0) emptiedAtHour = hour;
      if (hour < totalHours) clock.setTimer(HOUR_MS, tick);
    };
    clock.setTimer(HOUR_MS, tick);

    const byDay: number[] = [];
    let freeBytesDay39 = 0;
    const advanced = await timed(async () => {
      for (let day = 1; day <= days; day++) {
        clock.advance(DAY_MS);
        // The app's own check once a day: with Recently Deleted counted as freed, it must find nothing to remove.
        await app.freeUpSpace();
        byDay.push(device.recentlyDeleted().length);
        if (day === 39) freeBytesDay39 = device.freeBytes();
      }
    });
    const expiresAtHour = RECENTLY_DELETED_MS / HOUR_MS;
    let problem: string | null = null;
    if (removed.length === 0) problem = 'free up space removed nothing';
    else if (emptiedAtHour === null) problem = `Recently Deleted still holds ${byDay.at(-1)} items after ${days} days`;
    else if (emptiedAtHour < expiresAtHour)
      problem = `Recently Deleted emptied at hour ${emptiedAtHour}, before day 40`;
    else if (app.backupJob !== job) problem = 'an automated backup started though nothing was left to back up';
    return {
      profileId: 'iphone-6s',
      items: itemCount,
      removed: removed.length,
      removedBytes,
      virtualDays: days,
      wallSeconds: advanced.seconds,
      cpuSeconds: advanced.cpuSeconds,
      cpuSecondsPer40Days: (advanced.cpuSeconds * 40) / days,
      virtualPerWall: advanced.seconds > 0 ? (days * DAY_MS) / (advanced.seconds * 1000) : 0,
      hourlyTicks: hour,
      deviceEvents,
      recentlyDeletedByDay: byDay,
      emptiedAtHour,
      freeBytesDay39,
      freeBytesEnd: device.freeBytes(),
      problem,
    } satisfies DaysResult;
  } finally {
    await server.close();
  }
}
