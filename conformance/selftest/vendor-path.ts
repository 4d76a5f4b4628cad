/**
 * The self-test on the vendor path: each server variant started as its own `mbsc serve --fault NAME` process and
 * validated over HTTP as `mbsc validate` validates a vendor's server (the server target, nothing private), twice:
 * without the conformance clock, and with it. A variant that needs the clock is expected to be caught only in the
 * second column; every other variant in both. A server build without the clock says so in its column.
 */
import { FAULTS, type FaultSpec, type ServerFault } from '../spec/faults.js';
import { claimedByAny, editionOf, runVariantOn, type VariantOptions, type VariantResult } from './run-variant.js';
import { servedTarget, startServeProcess, type ServedServer } from './serve-process.js';
import { straightFailures } from './straight-control.js';

export const CLOCK_CAPABILITY = 'conformance-clock';

export type Column = 'without' | 'with';

/** One column of one variant: measured (caught or not), not measurable here (n/a), or the kit could not tell. */
export type Cell =
  | { readonly kind: 'measured'; readonly result: VariantResult }
  | { readonly kind: 'n/a'; readonly reason: string }
  | { readonly kind: 'error'; readonly reason: string };

export interface VendorPathRow {
  readonly fault: ServerFault;
  readonly needsClock: boolean;
  readonly without: Cell;
  readonly with: Cell;
}

export interface VendorPathOptions extends VariantOptions {
  readonly faults: readonly ServerFault[];
  /** The `mbsc` entry point each variant's server is started from (dist/cli/bin.js). */
  readonly cli: string;
  readonly concurrency?: number;
  /** The longest one column of one variant may run before its server is stopped; default 10 minutes. */
  readonly variantTimeoutMs?: number;
  readonly onRow?: (row: VendorPathRow, done: number, total: number) => void;
}

export interface VendorPathResult {
  readonly rows: readonly VendorPathRow[];
  /** MUST requirements the straight server already fails on this path: they catch nothing. */
  readonly straightFails: readonly string[];
  /** Why the with-clock column could not be measured, when this server build has no conformance clock. */
  readonly clockUnavailable?: string;
  readonly durationMs: number;
}

export const NO_CLOCK = 'n/a: this server build has no conformance clock';

export async function vendorPath(options: VendorPathOptions): Promise<VendorPathResult> {
  const started = Date.now();
  // The control runs what the variants run: with claimedOnly, only the checks that claim one of their requirements.
  const control = options.claimedOnly ? { ...options, checks: claimedByAny(options.checks, options.faults) } : options;
  const [clockUnavailable, straightFails] = await Promise.all([
    clockSupport(options.cli),
    straightFailures(options.cli, control),
  ]);
  const rows = new Map<ServerFault, VendorPathRow>();
  const queue = [...options.faults];
  const worker = async () => {
    for (let fault = queue.shift(); fault !== undefined; fault = queue.shift()) {
      const row: VendorPathRow = {
        fault,
        needsClock: (FAULTS[fault] as FaultSpec).needsClock === true,
        without: discount(await measure(fault, false, options), straightFails),
        with: clockUnavailable
          ? { kind: 'n/a', reason: clockUnavailable }
          : discount(await measure(fault, true, options), straightFails),
      };
      rows.set(fault, row);
      options.onRow?.(row, rows.size, options.faults.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  return {
    rows: options.faults.map((f) => rows.get(f) as VendorPathRow),
    straightFails,
    ...(clockUnavailable ? { clockUnavailable } : {}),
    durationMs: Date.now() - started,
  };
}

/** A catch on requirements the straight server fails too is no catch: those are taken out of the failures. */
function discount(cell: Cell, straightFails: readonly string[]): Cell {
  if (cell.kind !== 'measured' || straightFails.length === 0) return cell;
  const { result } = cell;
  const expected: readonly string[] = FAULTS[result.fault].caughtBy;
  const missed = expected.filter((id) => !result.failed.includes(id) || straightFails.includes(id));
  return { kind: 'measured', result: { ...result, missed, caught: result.caught && missed.length === 0 } };
}

/** Whether the variant was caught in a column: undefined when that column was not measured. */
export function caughtIn(cell: Cell): boolean | undefined {
  return cell.kind === 'measured' ? cell.result.caught : undefined;
}

/** A miss (or an error) where the variant should be caught: every column but the clockless one of a clock variant. */
export function fallsShort(row: VendorPathRow, column: Column): boolean {
  const cell = row[column];
  if (cell.kind === 'n/a') return false;
  const expected = column === 'with' || !row.needsClock;
  return expected && caughtIn(cell) !== true;
}

/** Once, before any variant: does this build's `mbsc serve --conformance-clock` advertise the clock? */
async function clockSupport(cli: string): Promise<string | undefined> {
  let server: ServedServer | undefined;
  try {
    server = await startServeProcess({ cli, edition: 'pro', faults: [], conformanceClock: true });
    return server.capabilities.includes(CLOCK_CAPABILITY) ? undefined : NO_CLOCK;
  } catch {
    // A build whose serve does not know the flag refuses it as a usage error and exits.
    return NO_CLOCK;
  } finally {
    await server?.stop();
  }
}

async function measure(fault: ServerFault, clock: boolean, options: VendorPathOptions): Promise<Cell> {
  const edition = editionOf(fault);
  let server: ServedServer | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const frozenClock = (FAULTS[fault] as FaultSpec).needsFrozenClock === true;
    server = await startServeProcess({
      cli: options.cli,
      edition,
      faults: [fault],
      conformanceClock: clock,
      frozenClock,
    });
    if (clock && !server.capabilities.includes(CLOCK_CAPABILITY)) return { kind: 'n/a', reason: NO_CLOCK };
    const target = servedTarget(server, edition);
    const limit = options.variantTimeoutMs ?? 600_000;
    // Settles as a cell either way: a run still going when its time is up must not reject unheard later.
    const run = runVariantOn(target, fault, options).then(
      (result): Cell => ({ kind: 'measured', result }),
      (error: unknown): Cell => ({ kind: 'error', reason: firstLine(error) }),
    );
    const late = new Promise<Cell>((resolve) => {
      timer = setTimeout(resolve, limit, { kind: 'error', reason: `not done within ${limit / 1000} s` });
    });
    return await Promise.race([run, late]);
  } catch (error) {
    return { kind: 'error', reason: firstLine(error) };
  } finally {
    clearTimeout(timer);
    // Stopping the server also ends a run that overran: its checks then fail fast, unanswered.
    await server?.stop();
  }
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
