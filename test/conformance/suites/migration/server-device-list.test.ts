/** The server's migration property judges its history: an item the migration lost is named with its witness. */
import { describe, expect, it } from 'vitest';
import { runConformance } from '../../../../conformance/runner/run-conformance.js';
import { REQUIREMENTS } from '../../../../conformance/spec/requirements/index.js';
import type { ServerFault } from '../../../../conformance/spec/faults.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import { migrationCheck } from '../../../../conformance/suites/migration/server-device-list.js';

/** The check's one cell against the reference server with a faulty variant; `path` replays that case alone. */
async function cellWith(fault: ServerFault, path?: string) {
  const { summary } = await runConformance({
    target: new ReferenceTarget(['pro'], { faults: [fault] }),
    checks: [migrationCheck],
    catalogue: REQUIREMENTS,
    profiles: [],
    seed: 7,
    runs: 20,
    ...(path === undefined ? {} : { path }),
    command: 'test',
    kitVersion: 'test',
    replayCommand: () => 'mbsc run --seed 7',
  });
  return summary.checks[0]!.cells[0];
}

describe('migration-device-list history', () => {
  it('names the item a faulty migration lost, with its upload, the migration and the listing', async () => {
    // The first failing case, unshrunk: it holds items (the fully shrunk one has none, and no snapshot to show).
    const cell = await cellWith('migration-loses-items', '0');
    expect(cell?.verdict).toBe('fail');
    expect(cell?.failure?.requirements).toEqual(['MIG-10']);
    const lines = cell?.failure?.message.split('\n') ?? [];
    expect(lines[0]).toMatch(/^migration-keeps-all: item [0-9a-f]{12} lost in migration$/);
    const sha = /item ([0-9a-f]{12})/.exec(lines[0] ?? '')?.[1];
    expect(lines[1]).toMatch(new RegExp(`^  #\\d+ \\S+ ok upload sha256=${sha} size=\\d+$`));
    expect(lines[2]).toMatch(/^ {2}#\d+ \S+ ok migrate to=\S+$/);
    expect(lines[3]).toMatch(/^ {2}#\d+ \S+ ok list items=\[\]$/);
  }, 120_000);

  it('blames the platforms (MIG-13) for items lost across platforms only, not for items lost on any migration', async () => {
    const across = await cellWith('migration-across-platforms-items-left');
    expect(across?.failure?.requirements).toEqual(['MIG-10', 'MIG-13']);
    const anywhere = await cellWith('migration-loses-items');
    expect(anywhere?.failure?.requirements).toEqual(['MIG-10']);
  }, 120_000);
});
