/**
 * The backup nemesis: model-based sequences of a phone's uploads, listings, restores and commits with the nemesis's
 * faults drawn among them, judged after every sequence by the durability checkers over its history. A failure
 * prints the shrunk commands and, for each anomaly, the fewest operations of the history that show it.
 */
import fc from 'fast-check';
import { untestedUnless, type Check, type CheckContext, type CheckOutcome } from '../../kit/check.js';
import { REASONS } from '../../kit/applies.js';
import { deviceName } from '../../kit/device-world.js';
import { HistoryRecorder } from '../../kit/history/history.js';
import { judgeHistory } from '../../kit/history/judge.js';
import { Nemesis } from '../../kit/nemesis/nemesis.js';
import { checkProperty, commandsOptions } from '../../kit/property.js';
import { Sometimes, withReached } from '../../kit/sometimes.js';
import { finish, initialItems, nemesisSteps } from './nemesis-sequences.js';
import { modelOf } from './nemesis-commands.js';
import { NEMESIS_STATES, NemesisWorld, type NemesisState } from './nemesis-world.js';

/** Whatever --runs says: each sequence restarts a server process, so 100 of them would take many minutes. */
const MAX_SEQUENCES = 25;

const CHECKERS = ['acknowledged-kept', 'no-partial-item', 'no-resurrection'] as const;

export const backupNemesisCheck: Check = {
  id: 'backup-nemesis-durability',
  title:
    'Under crashes, partitions, cut requests, dropped and slow answers, a full disk and a skewed phone clock: every acknowledged upload is listed and restores byte for byte, no partial item is listed or counted, a removed device’s items never come back',
  area: 'BAK',
  requirements: ['BAK-06', 'BAK-08', 'RFE-10'],
  tags: ['nemesis'],
  optIn:
    'it crashes and restarts a server process several times a sequence (seconds each on a busy machine): --tags nemesis',
  scope: 'server',
  // It crashes and restarts a server, and on a plain URL it cuts the session's own connections.
  exclusive: true,
  applies: (_column, session) =>
    untestedUnless(session.console !== undefined || session.startRestartableServer !== undefined, REASONS.console),
  run: runNemesis,
};

async function runNemesis(context: CheckContext): Promise<CheckOutcome> {
  let recorder = new HistoryRecorder();
  const nemesis = await Nemesis.open(context.session, () => recorder);
  const sometimes = new Sometimes(NEMESIS_STATES, lacks(nemesis));
  const model = modelOf(nemesis);
  const commands = fc.commands(nemesisSteps, { ...commandsOptions(context, 16), size: 'max' });
  const property = fc.asyncProperty(commands, initialItems, async (cmds, initial) => {
    recorder = new HistoryRecorder();
    nemesis.heal();
    const name = deviceName('Nemesis', context.content);
    const world = await NemesisWorld.pair(context.session, nemesis, name, sometimes, recorder);
    for (const item of initial) await item.run(model, world);
    await fc.asyncModelRun(() => ({ model, real: world }), cmds);
    await finish(world, context.session);
    judgeHistory(recorder.history, CHECKERS);
  });
  try {
    const outcome = await checkProperty(property, context, Math.min(context.runs, MAX_SEQUENCES));
    return withReached(outcome, sometimes);
  } finally {
    await nemesis.close();
  }
}

/**
 * Why a state is not reachable on this target: no crash without a server to crash, no full disk without a small
 * one, no crash between hashing and committing without a crash point to arm.
 */
function lacks(nemesis: Nemesis): Partial<Record<NemesisState, string>> {
  const found: Partial<Record<NemesisState, string>> = {};
  const crashLack = nemesis.canCrash ? undefined : nemesis.restartLack;
  const diskLack = nemesis.canFillDisk ? undefined : (nemesis.server?.diskLack ?? nemesis.restartLack);
  for (const state of NEMESIS_STATES) {
    const why =
      state === 'crash-between-hashing-and-committing'
        ? nemesis.crashPointLack
        : state.startsWith('crash-')
          ? crashLack
          : state === 'write-refused-on-full-disk'
            ? diskLack
            : undefined;
    if (why !== undefined) found[state] = why;
  }
  return found;
}
