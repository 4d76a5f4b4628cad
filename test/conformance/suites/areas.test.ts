import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AreaSuite } from '../../../conformance/kit/area.js';
import { REQUIREMENTS } from '../../../conformance/spec/requirements/index.js';
import { ALL_CHECKS, AREAS, UI_CHECKS } from '../../../conformance/suites/index.js';

const SUITES = path.resolve(import.meta.dirname, '../../../conformance/suites');
const byId = new Map<string, (typeof REQUIREMENTS)[number]>(REQUIREMENTS.map((r) => [r.id, r]));
const sourceKey = (s: { seed: string; section: string }) => `${s.seed} ${s.section}`;

/** Folders under conformance/suites that hold an area (an index.ts and an area.ts), relative to it. */
function areaFolders(dir = SUITES): string[] {
  const entries = readdirSync(dir);
  const here = entries.includes('area.ts') ? [path.relative(SUITES, dir)] : [];
  const below = entries
    .map((e) => path.join(dir, e))
    .filter((p) => statSync(p).isDirectory())
    .flatMap((p) => areaFolders(p));
  return [...here, ...below];
}

describe('the suites by area', () => {
  it('has no source file directly in conformance/suites but its index', () => {
    const files = readdirSync(SUITES).filter((f) => f.endsWith('.ts'));
    expect(files).toEqual(['index.ts']);
  });

  it('gathers every area folder once, and each declares the folder it is in', async () => {
    const folders = areaFolders().sort();
    expect(AREAS.map((a) => a.area.folder).sort()).toEqual(folders);
    for (const folder of folders) {
      const { suite } = (await import(path.join(SUITES, folder, 'index.ts'))) as { suite: AreaSuite };
      expect(suite.area.folder).toBe(folder);
      expect(AREAS).toContain(suite);
    }
  });

  it('keeps folders small enough to read', () => {
    const sizes = (dir: string): [string, number][] => {
      const entries = readdirSync(dir).map((e) => path.join(dir, e));
      const dirs = entries.filter((p) => statSync(p).isDirectory());
      return [[path.relative(SUITES, dir), entries.length - dirs.length], ...dirs.flatMap(sizes)];
    };
    expect(sizes(SUITES).filter(([, n]) => n > 25)).toEqual([]);
  });

  describe.each(AREAS.map((a) => [a.area.name, a] as const))('%s', (_name, { area, checks }) => {
    it('names every check after the area', () => {
      expect(checks.length).toBeGreaterThan(0);
      expect(checks.map((c) => c.id).filter((id) => !id.startsWith(`${area.name}-`))).toEqual([]);
    });

    it('declares exactly the catalogue areas and seed sections its checks cover', () => {
      const covered = [...new Set(checks.flatMap((c) => c.requirements))].map((id) => byId.get(id)!);
      expect(covered.every(Boolean)).toBe(true);
      expect([...area.codes].sort()).toEqual([...new Set(covered.map((r) => r.id.split('-')[0]))].sort());
      expect(area.seedSections.map(sourceKey).sort()).toEqual(
        [...new Set(covered.map((r) => sourceKey(r.source)))].sort(),
      );
    });
  });

  it('derives the checks through the screens from the ui tag, and names them so', () => {
    expect(UI_CHECKS.map((c) => c.id).sort()).toEqual(
      ALL_CHECKS.filter((c) => c.id.endsWith('-screens'))
        .map((c) => c.id)
        .sort(),
    );
    expect(UI_CHECKS.every((c) => c.tags?.includes('ui'))).toBe(true);
  });
});
