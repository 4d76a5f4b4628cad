/**
 * The requirement catalogue is data; these tests hold it to its rules (ids, levels, sources) and, when the seed
 * documents sit beside the repository, prove that every cited section heading really occurs in its seed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  APPLIES_TO,
  AREAS,
  LEVELS,
  REQUIREMENTS,
  SEED_SECTIONS,
  requirementById,
  requirementsInArea,
  type Area,
} from '../../../../conformance/spec/requirements/index.js';

const AREA_KEYS = Object.keys(AREAS) as Area[];
const ID_PATTERN = /^([A-Z]+)-(\d{2})$/;
/** An ADVISORY entry must name where its practice comes from. */
const EXTERNAL_SOURCE = /\b(RFC \d{4}|NIST SP 800-63B|Key Uri Format)\b/;

function areaOf(id: string): string {
  return ID_PATTERN.exec(id)?.[1] ?? '';
}

function sectionsOf(seed: string): Record<string, string> | undefined {
  return Object.hasOwn(SEED_SECTIONS, seed)
    ? (SEED_SECTIONS as Record<string, Record<string, string>>)[seed]
    : undefined;
}

describe('requirement catalogue', () => {
  it('holds at least 150 requirements', () => {
    expect(REQUIREMENTS.length).toBeGreaterThanOrEqual(150);
  });

  it('has unique ids of the form <AREA>-NN with a known area', () => {
    const ids = REQUIREMENTS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id, id).toMatch(ID_PATTERN);
      expect(AREA_KEYS, id).toContain(areaOf(id));
    }
  });

  it('numbers each area contiguously from 01, and lists areas in AREAS order', () => {
    for (const area of AREA_KEYS) {
      const ids = requirementsInArea(area).map((r) => r.id);
      expect(ids.length, `area ${area} is empty`).toBeGreaterThan(0);
      expect(ids).toEqual(ids.map((_, i) => `${area}-${String(i + 1).padStart(2, '0')}`));
    }
    expect(REQUIREMENTS.map((r) => r.id)).toEqual(AREA_KEYS.flatMap((a) => requirementsInArea(a).map((r) => r.id)));
  });

  it('finds every requirement by id, and nothing for an unknown id', () => {
    for (const r of REQUIREMENTS) expect(requirementById(r.id)).toBe(r);
    expect(requirementById('RUN-99')).toBeUndefined();
    expect(requirementById('run-01')).toBeUndefined();
  });

  it('states each requirement on one non-empty line of at most 200 characters, without trailing space', () => {
    for (const { id, statement } of REQUIREMENTS) {
      expect(statement.trim().length, id).toBeGreaterThan(0);
      expect(statement, id).not.toMatch(/[\r\n]/);
      expect(statement.length, id).toBeLessThanOrEqual(200);
      expect(statement, id).toBe(statement.trimEnd());
    }
  });

  it('speaks in the project’s own voice, never with the seed’s product names', () => {
    for (const { id, statement } of REQUIREMENTS) expect(statement, id).not.toMatch(/cloudbacko/i);
  });

  it('keeps interpretations to one non-empty line', () => {
    for (const { id, interpretation } of REQUIREMENTS) {
      if (interpretation === undefined) continue;
      expect(interpretation.trim().length, id).toBeGreaterThan(0);
      expect(interpretation, id).not.toMatch(/[\r\n]/);
    }
  });

  it('gives a known level; MUST has no reference, ADVISORY names its external source', () => {
    for (const { id, level, reference } of REQUIREMENTS) {
      expect(LEVELS, id).toContain(level);
      if (level === 'MUST') expect(reference, id).toBeUndefined();
      else expect(reference ?? '', id).toMatch(EXTERNAL_SOURCE);
    }
  });

  it('applies each requirement to a non-empty set of known targets without repeats', () => {
    for (const { id, appliesTo } of REQUIREMENTS) {
      expect(appliesTo.length, id).toBeGreaterThan(0);
      expect(new Set(appliesTo).size, id).toBe(appliesTo.length);
      for (const target of appliesTo) expect(APPLIES_TO, id).toContain(target);
    }
  });

  it('cites a seed and a section that SEED_SECTIONS lists', () => {
    for (const { id, source } of REQUIREMENTS) {
      const sections = sectionsOf(source.seed);
      expect(sections, `${id}: unknown seed ${source.seed}`).toBeDefined();
      expect(Object.keys(sections ?? {}), id).toContain(source.section);
    }
  });

  it('nests every named subsection of seed 000 under a section that exists', () => {
    for (const [seed, sections] of Object.entries(SEED_SECTIONS)) {
      for (const key of Object.keys(sections)) {
        const parent = /^(§[\d.]+|Appendix [A-Z]): /.exec(key)?.[1];
        if (parent !== undefined) expect(Object.keys(sections), `${seed} ${key}`).toContain(parent);
      }
    }
  });
});

/** The repository root: the nearest folder above this file whose package.json names the `mbsc` package. */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'mbsc')
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json of mbsc not found above the test file');
    dir = parent;
  }
}

/** Lower case, markdown `*` and `#` dropped, runs of whitespace collapsed: how headings are compared. */
function normalise(text: string): string {
  return text.replace(/[*#]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** What must occur in the seed: numbered sections with their number, appendices with their letter. */
function expectedText(key: string, heading: string): string {
  const numbered = /^§([\d.]+)$/.exec(key);
  if (numbered) return `${numbered[1]} ${heading}`;
  if (/^Appendix [A-Z]$/.test(key)) return `${key}: ${heading}`;
  return heading;
}

const SEEDS_DIR = resolve(repositoryRoot(), '..', 'shared', 'seeds');

describe('seed sections', () => {
  if (!existsSync(SEEDS_DIR)) {
    it.skip(`seed documents not found beside the repository (${SEEDS_DIR}): skipped`, () => {});
    return;
  }
  for (const [seed, sections] of Object.entries(SEED_SECTIONS)) {
    it(`${seed}: every listed heading occurs in the seed`, () => {
      const path = join(SEEDS_DIR, seed);
      expect(existsSync(path), path).toBe(true);
      const text = normalise(readFileSync(path, 'utf8'));
      const missing = Object.entries(sections as Record<string, string>)
        .filter(([key, heading]) => !text.includes(normalise(expectedText(key, heading))))
        .map(([key, heading]) => `${key}: ${expectedText(key, heading)}`);
      expect(missing).toEqual([]);
    });
  }
});
