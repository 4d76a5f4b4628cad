/**
 * The port the run-conditions commands (commands.ts) act on, `ConditionsApp`, and its adapter to the
 * app model on a simulated device in process. The other adapter, the app through its screens, is in
 * screens-adapter.ts.
 */
import { addMedia, serverListing, type World } from '../../kit/device-support.js';

/**
 * What the model's commands do to the app and read from it. Two adapters serve the same commands: the app model
 * on a simulated device in process, and the app driven through its screens by an AppDriver (in process or over
 * Appium), so one model checks both.
 */
/** Where the phone is: on the backup machine's LAN, on another Wi-Fi network without it, or with Wi-Fi off. */
export type Network = 'lan' | 'other-wifi' | 'off';

export interface ConditionsApp {
  setBattery(level: number, charging: boolean): Promise<void>;
  setNetwork(network: Network): Promise<void>;
  setPowerSaving(on: boolean): Promise<void>;
  setChargingOnly(on: boolean): Promise<void>;
  addPhotos(count: number): Promise<void>;
  tapBackup(): Promise<void>;
  /** Once the app is idle: why it holds backup, its job, what it says for each reason its job holds, and how many
   * items the server lists. */
  observe(): Promise<{
    holds: string[];
    jobState?: string;
    jobHolds: string[];
    messages: Record<string, string>;
    stored: number;
  }>;
}

/** The app model on a simulated device, paired, in process. */
export function modelApp(w: World): ConditionsApp {
  const recent = serverListing(w, () => w.app.listRestorable('recent'));
  return {
    setBattery: async (level, charging) => w.device.setBattery(level, charging),
    setNetwork: async (network) =>
      w.device.setNetwork(
        network === 'off'
          ? { wifi: null }
          : { wifi: network === 'lan' ? 'home' : 'cafe', backupMachineReachable: network === 'lan' },
      ),
    setPowerSaving: async (on) => w.app.updateSettings({ powerSaving: on }),
    setChargingOnly: async (on) => w.app.updateSettings({ backupWhileChargingOnly: on }),
    addPhotos: async (count) => {
      for (let i = 0; i < count; i++) addMedia(w, { name: `IMG_${w.content.count()}.jpg`, size: 2_000 });
    },
    tapBackup: async () => void (await w.app.backup()),
    async observe() {
      await w.app.backupJob?.idle();
      const job = w.app.backupJob;
      return {
        holds: w.app.holdReasons('backup'),
        ...(job ? { jobState: job.state } : {}),
        jobHolds: job?.holdReasons ?? [],
        messages: Object.fromEntries((job?.holdReasons ?? []).map((r) => [r, w.app.rules.holdMessage(r)])),
        stored: (await recent()).length,
      };
    },
  };
}
