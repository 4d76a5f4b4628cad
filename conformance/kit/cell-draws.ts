/**
 * The content source of the cell running now, reached without threading it through every helper: the runner
 * runs each cell inside `drawingFor`, and helpers that make up values a server sees (an installation id) draw
 * them from it, so that a seed replays what the server was sent. Outside a cell (a unit test) they are random.
 */
import { ScopeSlot } from '../../simulators/mbs-client/scope-slot.js';
import { namingRandomnessKey } from '../../simulators/mbs-client/randomness-key.js';
import type { ContentSource } from './content-source.js';

const running = new ScopeSlot<ContentSource>();

/** Runs a cell: its helpers draw from `content`, and its requests name the server randomness of its case. */
export function drawingFor<T>(content: ContentSource, body: () => T): T {
  return running.run(content, () => namingRandomnessKey(() => content.randomnessKey(), body));
}

export function cellContent(): ContentSource | undefined {
  return running.get();
}
