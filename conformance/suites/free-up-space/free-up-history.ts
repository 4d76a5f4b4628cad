/**
 * The history of a free up space sequence on the app model: each item the server acknowledged holding (the app's
 * confirmations, made from the server's answers) and each free up space with the items it removed; judged by the
 * freed-only-confirmed checker, whose witness names the removal and what the server had acknowledged before it.
 */
import { hashOf } from '../../../simulators/app/content-registry.js';
import type { World } from '../../kit/device-support.js';
import { HistoryRecorder } from '../../kit/history/history.js';
import { judgeHistory } from '../../kit/history/judge.js';
import type { Sometimes } from '../../kit/sometimes.js';

const PHONE = 'phone';
const GB = 1_000_000_000;

/** Free up space removed items and left free space exactly at its limit: the edge of "until free space reaches". */
export const LANDED_ON_LIMIT = 'free-up-landed-exactly-on-its-limit';

/** Records the world's confirmations and removals from now on; `judge` throws what the history shows broken. */
export function recordFreeUps(world: World, sometimes?: Sometimes<typeof LANDED_ON_LIMIT>): { judge(): void } {
  const history = new HistoryRecorder();
  const { app, device } = world;
  const confirm = app.confirm.bind(app);
  app.confirm = (item, held) => {
    history.invoke(PHONE, { f: 'upload', sha256: held.sha256, size: held.size })('ok');
    confirm(item, held);
  };
  const freeUp = app.freeUpSpace.bind(app);
  app.freeUpSpace = async () => {
    const before = device.mediaItems();
    const done = history.invoke(PHONE, { f: 'free-up', removed: [] });
    const archived = await freeUp();
    const removed = before.filter((item) => !app.stillOnDevice(item)).map(hashOf);
    done('ok', { f: 'free-up', removed });
    if (removed.length > 0 && device.freeBytes() === app.settings.freeUpSpaceLimitGb * GB)
      sometimes?.reach(LANDED_ON_LIMIT);
    return archived;
  };
  // Judged between steps: a violation thrown inside the backup job would end up in the app's log as a failed job.
  return { judge: () => judgeHistory(history.history, ['freed-only-confirmed']) };
}
