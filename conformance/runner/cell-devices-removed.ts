/**
 * A cell on a server the kit did not start (a vendor's, which keeps its devices after the run) removes, as it ends,
 * the devices it paired, so the server keeps only the devices it had. A removal that fails is the cell's warning,
 * never its verdict.
 */
import type { ContentSource } from '../kit/content-source.js';
import { removeCellDevices } from '../kit/leftover-devices.js';
import type { TargetSession } from '../targets/target.js';
import type { Cell } from './summary-schema.js';

export async function withDevicesRemoved(cell: Cell, session: TargetSession, content: ContentSource): Promise<Cell> {
  const warnings = await removeCellDevices(session, content);
  return warnings.length > 0 ? { ...cell, warnings } : cell;
}
