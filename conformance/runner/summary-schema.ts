/**
 * The result of a conformance run, as data: what summary.json holds and what every report is made from. Writers
 * (HTML, JUnit, Allure) read only this, so a merged or replayed run reports exactly like a live one. The verdicts are
 * DESIGN.md's one vocabulary; conformance/runner/verdicts.ts derives them, and writers only render what it wrote.
 */
import Type, { type Static } from 'typebox';

/**
 * A cell's or a requirement's verdict: `pass`; `fail`, a MUST broken; `advisory`, a best-practice finding that never
 * fails a run; `skipped`, does not apply here (with the reason); `untested`, applies but could not be checked here
 * (with the reason); `error`, the kit failed or the target could not be reached (with the reason).
 */
export const Verdict = Type.Enum(['pass', 'fail', 'advisory', 'skipped', 'untested', 'error']);
export type Verdict = Static<typeof Verdict>;

/** A run's verdict: `error` whenever the target could not be tested, so a run that tested nothing never passes. */
export const RunVerdict = Type.Enum(['pass', 'fail', 'error']);
export type RunVerdict = Static<typeof RunVerdict>;

/**
 * One HTTP exchange of a failing attempt, as a report shows it: secrets masked (conformance/runner/secret-masking.ts)
 * and each body cut in its middle to about 2 KB, saying how much was cut.
 */
export const Exchange = Type.Object({
  method: Type.String(),
  /** Path and query, as sent. */
  path: Type.String(),
  /** The answer's status; absent when no answer came. */
  status: Type.Optional(Type.Integer()),
  /** Why no answer came: a refused connection, a timeout, a connection the check dropped. */
  error: Type.Optional(Type.String()),
  requestHeaders: Type.Record(Type.String(), Type.String()),
  requestBody: Type.Optional(Type.String()),
  responseHeaders: Type.Optional(Type.Record(Type.String(), Type.String())),
  responseBody: Type.Optional(Type.String()),
});
export type Exchange = Static<typeof Exchange>;

/**
 * The app's screen as a check through the screens left it on failing: a PNG screenshot (base64) and the page source
 * (UiAutomator2 or XCUITest XML), either absent when the driver could not give it.
 */
export const FailureScreen = Type.Object({
  screenshot: Type.Optional(Type.String({ contentEncoding: 'base64', contentMediaType: 'image/png' })),
  pageSource: Type.Optional(Type.String()),
});
export type FailureScreen = Static<typeof FailureScreen>;

/** What a failing check found, and how to see it again. */
export const Failure = Type.Object({
  message: Type.String(),
  /** The requirements this failure breaks, when the check could tell; otherwise every one the check covers. */
  requirements: Type.Optional(Type.Array(Type.String())),
  /** The shrunk counterexample, printed (fast-check's value or a command list). */
  counterexample: Type.Optional(Type.String()),
  /** The shrunk command list of a model-based check, one command per entry: the commands that ran. */
  commands: Type.Optional(Type.Array(Type.String())),
  /**
   * The last HTTP exchanges of the failing attempt (of a property, its shrunk case), oldest first: the evidence of
   * a one-shot check. Absent in older summaries, and when the attempt made none.
   */
  exchanges: Type.Optional(Type.Array(Exchange)),
  /** How many earlier exchanges of that attempt are not kept. */
  earlierExchanges: Type.Optional(Type.Integer({ minimum: 0 })),
  /** The screen of the failing attempt of a check through the screens; absent for other checks. */
  screen: Type.Optional(FailureScreen),
  seed: Type.Optional(Type.Integer()),
  /** fast-check's replay path. */
  path: Type.Optional(Type.String()),
  /** The failing screen as a PNG in base64, when the check looked at one (the desktop console in Chromium). */
  screenshot: Type.Optional(Type.String({ contentEncoding: 'base64', contentMediaType: 'image/png' })),
  /** The exact command line that replays this failure. */
  replayCommand: Type.String(),
});
export type Failure = Static<typeof Failure>;

/** One check on one column of the matrix: a device profile on an edition, or an edition alone. */
export const Cell = Type.Object({
  column: Type.String({ description: 'e.g. "redmi-note-8 @ pro" or "pro"' }),
  profile: Type.Optional(Type.String()),
  edition: Type.String(),
  verdict: Verdict,
  /** When this cell began (ISO 8601); Allure's timeline uses it. Absent in older summaries. */
  startedAt: Type.Optional(Type.String()),
  durationMs: Type.Number({ minimum: 0 }),
  /** How many generated cases or command sequences ran. */
  runs: Type.Integer({ minimum: 0 }),
  /** Why it was skipped, untested or an error (`the kit failed: …`, `the target could not be tested: …`). */
  reason: Type.Optional(Type.String()),
  /** What a `fail` or `advisory` cell found; on an `error` cell of a kit exception, the exception and its replay. */
  failure: Type.Optional(Failure),
  /**
   * Requirements of the check that this cell did not check in full (it ran without the server's clock, or its run
   * stopped at a finding on another requirement before reaching them), and why: the cell reads `untested` for them.
   */
  unchecked: Type.Optional(
    Type.Object({
      requirements: Type.Array(Type.String()),
      reason: Type.String(),
      /** A requirement's own reason, where they differ (one the kit checks with --real-time, one it cannot). */
      reasons: Type.Optional(Type.Record(Type.String(), Type.String())),
    }),
  ),
  /**
   * "Sometimes" coverage of a property: each interesting state it names (a resume from a non-zero offset, a crash
   * with a job open) and how many times its cases reached it. One at 0 is a kit warning (`kitWarnings`).
   */
  sometimes: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 0 }))),
  /** The states the property names that this target cannot reach, each with why ("not reachable on this target"). */
  notReachable: Type.Optional(Type.Record(Type.String(), Type.String())),
  /**
   * What the kit could not do as the cell ended, which never changes its verdict: a device it paired with a server it
   * did not start, that it could not remove again. Each is a kit warning (`kitWarnings`).
   */
  warnings: Type.Optional(Type.Array(Type.String())),
});
export type Cell = Static<typeof Cell>;

/** A finding about the kit, not the target: a property never reached a state it names, so rules about it went unjudged. */
export const KitWarning = Type.Object({
  check: Type.String(),
  column: Type.String(),
  message: Type.String(),
});
export type KitWarning = Static<typeof KitWarning>;

export const CheckResult = Type.Object({
  checkId: Type.String(),
  title: Type.String(),
  area: Type.String(),
  /** The requirements the check covers, also when none of its cells judged them (an opt-in check left out). */
  requirements: Type.Optional(Type.Array(Type.String())),
  cells: Type.Array(Cell),
});
export type CheckResult = Static<typeof CheckResult>;

export const RequirementResult = Type.Object({
  id: Type.String(),
  level: Type.Enum(['MUST', 'ADVISORY']),
  statement: Type.String(),
  verdict: Verdict,
  /** Why it was skipped, untested or an error. */
  reason: Type.Optional(Type.String()),
  /** Ids of the checks that cover it. */
  checks: Type.Array(Type.String()),
  /** Whether an expected-failures baseline lists it. */
  expectedFailure: Type.Optional(Type.Boolean()),
});
export type RequirementResult = Static<typeof RequirementResult>;

export const Totals = Type.Object({
  requirements: Type.Integer(),
  applicable: Type.Integer(),
  passed: Type.Integer(),
  failed: Type.Integer(),
  advisory: Type.Integer(),
  skipped: Type.Integer(),
  untested: Type.Integer(),
  /** Requirements whose evidence errored (the kit failed, or the target could not be reached). */
  errored: Type.Integer(),
  /**
   * Applicable requirements the run judged (passed, failed or advisory): "checked on this target: N of M applicable".
   * Absent in older summaries.
   */
  checked: Type.Optional(Type.Integer()),
});
export type Totals = Static<typeof Totals>;

/**
 * Which part of a run this was (`--shard i/n`), and the whole selection it was cut from, so `mbsc merge` can tell a
 * missing shard's checks and refuse shards cut from different selections. Absent in unsharded runs.
 */
export const ShardInfo = Type.Object({
  index: Type.Integer({ minimum: 1 }),
  count: Type.Integer({ minimum: 1 }),
  /** Ids of every check of the run's selection, before it was split. */
  selection: Type.Array(Type.String()),
  /** The requirement ids the run was narrowed to (`--requirements`), when it was. */
  requirements: Type.Optional(Type.Array(Type.String())),
});
export type ShardInfo = Static<typeof ShardInfo>;

/** A reporter that failed on some event; the run went on without it. */
export const ReporterError = Type.Object({ reporter: Type.String(), message: Type.String() });
export type ReporterError = Static<typeof ReporterError>;

/**
 * The shape of summary.json. Version 2 added the `error` verdicts, the run's `reason` and `totals.errored`; a summary
 * of version 1 (no field) has `fail` cells that a version 2 reader would misread, so it is refused by name. Optional
 * fields added since (a failure's `exchanges` and `screen`, a cell's `startedAt`) leave the version as it is: a summary without them reads the same.
 */
export const SUMMARY_SCHEMA_VERSION = 2;

export const Summary = Type.Object({
  schemaVersion: Type.Literal(SUMMARY_SCHEMA_VERSION),
  verdict: RunVerdict,
  /** Why the run is `error`: the target could not be tested, the kit failed, or nothing applicable ran. */
  reason: Type.Optional(Type.String()),
  kitVersion: Type.String(),
  target: Type.Object({
    kind: Type.Enum(['reference', 'server', 'app']),
    url: Type.Optional(Type.String()),
    editions: Type.Array(Type.String()),
    description: Type.String(),
  }),
  seed: Type.Integer(),
  startedAt: Type.String({ description: 'ISO 8601' }),
  durationMs: Type.Number({ minimum: 0 }),
  /** The command line of this run. */
  command: Type.String(),
  totals: Totals,
  /** Every catalogued requirement, with its verdict. */
  requirements: Type.Array(RequirementResult),
  checks: Type.Array(CheckResult),
  devices: Type.Array(
    Type.Object({
      profile: Type.String(),
      platform: Type.String(),
      osVersion: Type.String(),
      verdict: Type.Enum(['pass', 'fail', 'error', 'untested', 'skipped']),
    }),
  ),
  /** Matrix columns in display order. */
  columns: Type.Array(Type.String()),
  /** Expected failures that passed this time: the baseline can drop them. */
  fixedExpectedFailures: Type.Array(Type.String()),
  /** Reporters that failed; the run went on without them. */
  reporterErrors: Type.Array(ReporterError),
  /** Set when this run was one shard of a larger one; absent in older summaries. */
  shard: Type.Optional(ShardInfo),
  /**
   * Set when this run was the smoke subset (`--smoke`): how many of the selection's cells it ran and the sequences
   * per property each tried, so no one takes it for the full run. Absent in a full run and in older summaries.
   */
  smoke: Type.Optional(
    Type.Object({
      cells: Type.Integer({ minimum: 0 }),
      of: Type.Integer({ minimum: 0, description: 'the cells of the whole selection' }),
      runs: Type.Integer({ minimum: 1, description: 'sequences or generated cases per property' }),
    }),
  ),
  /**
   * Set when the run ran each device check's profiles on the editions in turn (editions-in-turn.ts), not every profile
   * on every edition: how many cells it planned of the full matrix's. Absent when it ran them all (`--full-matrix`, a
   * run of one edition) and in older summaries.
   */
  editionsInTurn: Type.Optional(
    Type.Object({
      cells: Type.Integer({ minimum: 0 }),
      of: Type.Integer({ minimum: 0, description: 'the cells of every profile on every edition' }),
    }),
  ),
  /** Findings about the kit (states a property never reached); never a verdict on the target. Absent when none. */
  kitWarnings: Type.Optional(Type.Array(KitWarning)),
});
export type Summary = Static<typeof Summary>;
