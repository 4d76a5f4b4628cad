/**
 * A cell on a server the kit did not start (a vendor's, which keeps its devices after the run) removes, as it ends,
 * the devices it paired, so the server keeps only the devices it had; what else it put back as it found it, or could
 * not, is as-found.ts's. A removal that fails, and what the protocol cannot take back, are the cell's warnings,
 * never its verdict.
 */
import type { ContentSource } from '../kit/content-source.js';
import { removeCellDevices } from '../kit/leftover-devices.js';
import type { TargetSession } from '../targets/target.js';
import type { Cell } from './summary-schema.js';

export async function withDevicesRemoved(
  cell: Cell,
  session: TargetSession,
  content: ContentSource,
  asFound: readonly string[] = [],
): Promise<Cell> {
  const warnings = [...asFound, ...(await removeCellDevices(session, content))];
  return warnings.length > 0 ? { ...cell, warnings: [...(cell.warnings ?? []), ...warnings] } : cell;
}
