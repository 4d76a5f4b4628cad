/**
 * Sequences of the backup, resume and integrity commands (commands.ts): which commands and items are drawn,
 * given what an adapter of the port can do, and how a sequence runs: initial items on the phone, the commands,
 * then the LAN and the battery back and a backup run to its end.
 */
import fc from 'fast-check';
import type { ItemKind } from '../../spec/file-types.js';
import { Violation } from '../../kit/violation.js';
import type { BackupModel } from './model.js';
import type { BackupApp, Interrupt } from './port.js';
import {
  addAccount,
  addCopy,
  addItem,
  backup,
  removeItem,
  setBattery,
  setLan,
  stopHeld,
  type BackupStep,
} from './commands.js';
import { CHUNK } from '../../kit/device-world.js';

// Most items take two or three appends, so that an interruption falls inside an item.
const sizes = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 1, 3 * CHUNK - 1) },
  { weight: 1, arbitrary: fc.constantFrom(1, CHUNK - 1, CHUNK) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 * CHUNK }) },
);
const allKinds = fc.constantFrom<ItemKind>('photo', 'photo', 'video', 'document');
const interrupt: fc.Arbitrary<Interrupt> = fc.record({
  after: fc.constantFrom(1, 1, 2, 3),
  by: fc.constantFrom('stop' as const, 'stop' as const, 'lan' as const, 'battery' as const),
});

/** Every sequence ends with the LAN and the battery back and a backup run to its end, checked like any step. */
export async function finish(model: BackupModel, app: BackupApp): Promise<void> {
  try {
    for (const last of [setLan(true), setBattery(80), backup(undefined)]) await last.run(model, app);
  } catch (error) {
    if (!(error instanceof Violation)) throw error;
    throw new Violation(
      error.requirements,
      `once the LAN and the battery were back and a backup ran to its end: ${error.message}`,
    );
  }
}

/**
 * What an adapter can give: interruptions part-way through a job (a hook on the wire), copies of an item (the same
 * bytes again), documents, and new 2FA accounts. Without them the commands and the items are drawn from the rest.
 */
export interface BackupOptions {
  readonly interrupts: boolean;
  readonly copies: boolean;
  readonly documents: boolean;
  readonly accounts: boolean;
}

const kindsOf = (o: BackupOptions) => (o.documents ? allKinds : fc.constantFrom<ItemKind>('photo', 'photo', 'video'));

/** A few items on the phone before the first step, so that most sequences upload something. */
export function initialItems(options: BackupOptions) {
  return fc.array(fc.tuple(kindsOf(options), sizes), { minLength: 1, maxLength: 4 });
}

export function backupSteps(options: BackupOptions): fc.Arbitrary<BackupStep>[] {
  const kinds = kindsOf(options);
  const newItem = fc.tuple(kinds, sizes).map(([k, s]) => addItem(k, s));
  const tapBackup = options.interrupts ? interrupt.map(backup) : fc.constant(backup(undefined));
  return [
    newItem,
    newItem,
    newItem,
    ...(options.copies ? [fc.nat(99).map(addCopy)] : []),
    fc.nat(99).map(removeItem),
    fc.nat(99).map(removeItem),
    tapBackup,
    tapBackup,
    tapBackup,
    fc.constant(backup(undefined)),
    // Stop is possible only on a held job, so it is drawn often.
    fc.constant(stopHeld),
    fc.constant(stopHeld),
    fc.constant(stopHeld),
    // Conditions come back more often than they go, so that held jobs go on.
    fc.constantFrom(true, true, false).map(setLan),
    fc.constantFrom(80, 80, 29).map(setBattery),
    ...(options.accounts ? [fc.constant(addAccount)] : []),
  ];
}

/** Puts the initial items on the phone, runs the commands, and ends with a backup run to its end. */
export async function runSequence(
  model: BackupModel,
  app: BackupApp,
  initial: readonly (readonly [ItemKind, number])[],
  cmds: Iterable<BackupStep>,
): Promise<void> {
  for (const [kind, size] of initial) await addItem(kind, size).run(model, app);
  await fc.asyncModelRun(() => ({ model, real: app }), cmds);
  await finish(model, app);
}
