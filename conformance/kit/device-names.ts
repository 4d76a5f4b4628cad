/**
 * Names of the devices a check pairs. Each carries a tag drawn from the cell's content: checks run side by side, and
 * two devices of one name paired in the same millisecond make the reference server answer 500 (both get the same
 * backup folder); and a device named so is this seed's, check's and column's, which lets a rerun of the seed tell
 * the devices an earlier run left (leftover-devices.ts) from anyone else's.
 */
import { cellContent } from './cell-draws.js';
import type { ContentSource } from './content-source.js';

/** A device name of at most 64 characters, unique in the run: `base` and a tag drawn from `content`. */
export function deviceName(base: string, content: ContentSource): string {
  return `${base.slice(0, 53)} ${content.tag()}`;
}

/** `name` with a tag of the running cell, unless it has one already; as it is outside a cell (a unit test). */
export function taggedName(name: string): string {
  const content = cellContent();
  return !content || content.carriesTag(name) ? name : deviceName(name, content);
}
