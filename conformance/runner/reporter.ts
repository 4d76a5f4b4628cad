/**
 * A reporter is an event sink: the runner tells it that a run started, that one check finished on one column of the
 * matrix, and that the run ended with its Summary. Only onRunEnd is required, since every file writer works from the
 * Summary alone (so a replayed or merged run reports exactly like a live one); the other events are for live
 * displays such as a progress bar. Any hook may be sync or async. The runner never calls reporters directly: it goes
 * through ReporterMultiplexer, which keeps one broken reporter from aborting the run.
 */
import type { PlannedWork } from './cell-weights.js';
import type { Cell, CheckResult, Summary } from './summary-schema.js';

/** What is known when a run starts, before any check has run. */
export interface RunInfo {
  readonly kitVersion: string;
  readonly target: Summary['target'];
  readonly seed: number;
  /** ISO 8601. */
  readonly startedAt: string;
  /** The command line of this run. */
  readonly command: string;
  /** Matrix columns in display order, e.g. `redmi-note-8 @ pro` or `pro`. */
  readonly columns: readonly string[];
  /** The checks about to run, so a progress display knows the total. */
  readonly checks: readonly CheckInfo[];
  /**
   * How many cells the run has (each server check once per edition, each device check once per profile on it),
   * skipped ones included: what a progress display counts to. Absent from listeners of older runs.
   */
  readonly cells?: number;
  /**
   * The work of the cells the run runs (left-out ones weigh nothing), as the runner's weights see it when it orders
   * them longest first: what a progress display estimates the time left by. Absent from listeners of older runs.
   */
  readonly work?: PlannedWork;
  /** Set when the run is the smoke subset: `cells` of `of`, at `runs` per property. */
  readonly smoke?: Summary['smoke'];
  /** Set when the run's device checks took the editions in turn: `cells` of the full matrix's `of`. */
  readonly editionsInTurn?: Summary['editionsInTurn'];
}

/** A check as announced to reporters: its identity and the catalogue ids it covers. */
export interface CheckInfo extends Pick<CheckResult, 'checkId' | 'title' | 'area'> {
  readonly requirementIds: readonly string[];
}

export interface Reporter {
  /** Names the reporter in `summary.reporterErrors` when it fails. */
  readonly name: string;
  onRunStart?(info: RunInfo): void | Promise<void>;
  /** One check's result on one matrix column. */
  onCellEnd?(check: CheckInfo, cell: Cell): void | Promise<void>;
  onRunEnd(summary: Summary): void | Promise<void>;
}

/** A reporter that writes one report file or folder, at `path`, and finishes when it is written. */
export interface WriterReporter extends Reporter {
  readonly path: string;
  onRunEnd(summary: Summary): Promise<void>;
}
