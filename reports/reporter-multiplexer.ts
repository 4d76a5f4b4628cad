/**
 * Fans the runner's events out to every reporter, in order, after Playwright's multiplexer.ts: a reporter that throws,
 * rejects or hangs is recorded (its name and the message) and skipped for that event only, so it never aborts the run
 * and never keeps the other reporters from their events. Each reporter gets its own copy of the event's data, so one
 * that mutates what it is given cannot corrupt the others' reports.
 */
import type { CheckInfo, Reporter, RunInfo } from '../conformance/runner/reporter.js';
import type { Cell, ReporterError, Summary } from '../conformance/runner/summary-schema.js';

export interface MultiplexerOptions {
  /** How long one hook may take before it counts as failed and the run moves on. */
  readonly timeoutMs?: number;
  /** Called as each failure is recorded, e.g. to print it at once. */
  readonly onError?: (error: ReporterError) => void;
}

/** Long enough to write a large HTML report on a slow disk, short enough that a hung reporter cannot stall CI. */
const DEFAULT_TIMEOUT_MS = 120_000;

type Hook = 'onRunStart' | 'onCellEnd' | 'onRunEnd';

export class ReporterMultiplexer {
  readonly #reporters: readonly Reporter[];
  readonly #timeoutMs: number;
  readonly #onError: ((error: ReporterError) => void) | undefined;
  readonly #errors: ReporterError[] = [];
  readonly #seen = new Set<string>();

  constructor(reporters: readonly Reporter[], options: MultiplexerOptions = {}) {
    this.#reporters = [...reporters];
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#onError = options.onError;
  }

  /** The failures so far, each reporter and message once, in the order they happened. */
  get errors(): readonly ReporterError[] {
    return this.#errors.map((e) => ({ ...e }));
  }

  async onRunStart(info: RunInfo): Promise<void> {
    for (const reporter of this.#reporters) {
      if (reporter.onRunStart) await this.#call(reporter, 'onRunStart', () => reporter.onRunStart?.(clone(info)));
    }
  }

  async onCellEnd(check: CheckInfo, cell: Cell): Promise<void> {
    for (const reporter of this.#reporters) {
      if (reporter.onCellEnd) {
        await this.#call(reporter, 'onCellEnd', () => reporter.onCellEnd?.(clone(check), clone(cell)));
      }
    }
  }

  /**
   * Hands the summary to each reporter in turn, each seeing the failures recorded before it (put the summary.json
   * writer last and it records every other writer's failure). Returns the summary with all of them.
   */
  async onRunEnd(summary: Summary): Promise<Summary> {
    for (const reporter of this.#reporters) {
      await this.#call(reporter, 'onRunEnd', () => reporter.onRunEnd(this.#withErrors(summary)));
    }
    return this.#withErrors(summary);
  }

  #withErrors(summary: Summary): Summary {
    const copy = clone(summary);
    const known = new Set(copy.reporterErrors.map(errorKey));
    for (const error of this.#errors) if (!known.has(errorKey(error))) copy.reporterErrors.push({ ...error });
    return copy;
  }

  async #call(reporter: Reporter, hook: Hook, invoke: () => void | Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      // Promise.resolve().then turns a synchronous throw into a rejection, so both are handled alike.
      const work = Promise.resolve().then(invoke);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${this.#timeoutMs} ms`)), this.#timeoutMs);
        timer.unref();
      });
      // A hook that times out may still reject later; that rejection must not surface as an unhandled one.
      work.catch(() => undefined);
      await Promise.race([work, timeout]);
    } catch (error) {
      this.#record({ reporter: reporter.name || 'unnamed reporter', message: `${hook}: ${describe(error)}` });
    } finally {
      clearTimeout(timer);
    }
  }

  #record(error: ReporterError): void {
    const key = errorKey(error);
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.#errors.push(error);
    try {
      this.#onError?.({ ...error });
    } catch {
      // The error callback is the runner's; if it fails there is nowhere better to report that.
    }
  }
}

function errorKey(error: ReporterError): string {
  return `${error.reporter}\u0000${error.message}`;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  try {
    return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
  } catch {
    return String(error);
  }
}

function clone<T>(value: T): T {
  return structuredClone(value);
}
