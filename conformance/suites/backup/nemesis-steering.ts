/**
 * Commands steered toward the states the nemesis property names (nemesis-world.ts): for each state, a short chain of
 * commands that leads to it on a fresh item, drawn among the other commands. Plain draws reach most states, but some
 * need two things in a row on one item (a cut and then a resume of that upload; a dropped answer and then a crash),
 * and seed 7's 25 sequences never drew them. A record over the declared states: a state declared without a way to it
 * does not compile. The steering is a draw from the seed like any other, so a replay path names the same commands;
 * weights fed back from the states reached so far would make a case depend on the cases before it, which a replay
 * (fast-check's path) never runs.
 */
import fc from 'fast-check';
import type { NetFault } from '../../kit/nemesis/fault-proxy.js';
import { CRASH_POINT_NAMES } from '../../spec/crash-points.js';
import type { ItemKind } from '../../spec/file-types.js';
import {
  addItem,
  armCrashPoint,
  command,
  crash,
  describe,
  fillDisk,
  uploadItem,
  type NemesisCommand,
} from './nemesis-commands.js';
import type { NemesisState } from './nemesis-world.js';

/** A fresh item large enough that a cut can fall inside its body: the command adding it, and its size. */
const freshItem = fc
  .tuple(fc.constantFrom<ItemKind>('photo', 'video'), fc.integer({ min: 2048, max: 16_384 }), fc.nat())
  .map(([kind, size, seed]) => ({ add: addItem(kind, size, seed), size }));

/** The upload of the item added last, meeting `fault` when one is given. */
const uploadLast = (fault?: NetFault) =>
  command(`upload(last${fault ? `, ${describe(fault)}` : ''})`, (w) => uploadItem(w, w.phone.length - 1, fault));

/** A cut after `percent` % of a body of `size` bytes: at least one byte in, at least one left out. */
const cutAt = (size: number, percent: number): NetFault => ({
  kind: 'cut-request',
  bodyBytes: Math.min(size - 1, Math.max(1, Math.floor((size * percent) / 100))),
});
const DROP: NetFault = { kind: 'drop-answer' };

/** Commands run one after another as one command, which applies where each of them does. */
function chain(steps: readonly NemesisCommand[]): NemesisCommand {
  return {
    check: (m) => steps.every((step) => step.check(m)),
    async run(m, w) {
      for (const step of steps) await step.run(m, w);
    },
    toString: () => `[${steps.map(String).join('; ')}]`,
  };
}

const percent = fc.integer({ min: 5, max: 95 });

export const STEERED: Readonly<Record<NemesisState, fc.Arbitrary<NemesisCommand>>> = {
  'resume-from-non-zero-offset': fc
    .tuple(freshItem, percent)
    .map(([item, p]) => chain([item.add, uploadLast(cutAt(item.size, p)), uploadLast()])),
  'request-cut-mid-body': fc
    .tuple(freshItem, percent)
    .map(([item, p]) => chain([item.add, uploadLast(cutAt(item.size, p))])),
  'answer-dropped-after-upload-completed': freshItem.map((item) => chain([item.add, uploadLast(DROP)])),
  'crash-after-answer-dropped': freshItem.map((item) => chain([item.add, uploadLast(DROP), crash])),
  'crash-with-acknowledged-item-in-open-job': freshItem.map((item) => chain([item.add, uploadLast(), crash])),
  'write-refused-on-full-disk': freshItem.map((item) => chain([fillDisk(true), item.add, uploadLast()])),
  'crash-between-hashing-and-committing': fc
    .tuple(fc.constantFrom(...CRASH_POINT_NAMES), freshItem)
    .map(([point, item]) => chain([armCrashPoint(point), item.add, uploadLast()])),
};
