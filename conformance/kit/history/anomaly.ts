/** What a history checker finds: the rule broken, and the fewest operations of the history that show it. */
import { formatOp, type Op } from './history.js';

export interface Anomaly {
  /** The checker's name (checkers.ts). */
  readonly checker: string;
  readonly requirements: readonly string[];
  readonly message: string;
  /** The minimal witness: the operations that, together, show the anomaly, in history order. */
  readonly witness: readonly Op[];
}

export function anomaly(
  checker: string,
  requirements: readonly string[],
  message: string,
  witness: readonly Op[],
): Anomaly {
  return { checker, requirements, message, witness: [...witness].sort((a, b) => a.index - b.index) };
}

/** The anomaly as a report prints it: the rule, then the witness one operation a line. */
export function formatAnomaly(found: Anomaly): string {
  return [`${found.checker}: ${found.message}`, ...found.witness.map((op) => `  ${formatOp(op)}`)].join('\n');
}
