/**
 * `mbsc requirements`: the requirement catalogue, as a table or JSON, optionally one area or level, and with
 * `--checks` the checks of each requirement and the files they are written in.
 */
import { AREAS, LEVELS, REQUIREMENTS, type Area } from '../../conformance/spec/requirements/index.js';
import { NOT_COVERED } from '../../conformance/spec/requirements/not-covered.js';
import type { CheckLocation } from '../../conformance/runner/checks-by-requirement.js';
import { defineCommand, EXIT } from '../command.js';

/** The checks of each requirement; the suites load only when asked, so the catalogue alone prints at once. */
async function loadChecks(): Promise<ReadonlyMap<string, readonly CheckLocation[]>> {
  const [{ AREAS: SUITES }, { checksByRequirement }] = await Promise.all([
    import('../../conformance/suites/index.js'),
    import('../../conformance/runner/checks-by-requirement.js'),
  ]);
  return checksByRequirement(SUITES);
}

const AREA_NAMES = Object.keys(AREAS);

export const requirementsCommand = defineCommand({
  summary: 'List the requirement catalogue: every testable statement of the seed documents, with its source.',
  options: {
    area: {
      type: 'string',
      description: 'Only this area (e.g. RUN, FUS, TOTP)',
      placeholder: 'X',
      choices: AREA_NAMES,
    },
    level: { type: 'string', description: 'Only this level', choices: LEVELS },
    checks: { type: 'boolean', description: 'With each requirement, the checks that cover it and their files' },
    json: { type: 'boolean', description: 'Print JSON' },
  },
  async run(options, io) {
    const selected = REQUIREMENTS.filter(
      (r) => (!options.area || r.id.startsWith(`${options.area}-`)) && (!options.level || r.level === options.level),
    );
    const checks = options.checks ? await loadChecks() : undefined;
    if (options.json) {
      const rows = checks ? selected.map((r) => ({ ...r, checks: checks.get(r.id) ?? [] })) : selected;
      io.out(JSON.stringify(rows, null, 2));
      return EXIT.ok;
    }
    for (const area of AREA_NAMES as Area[]) {
      const inArea = selected.filter((r) => r.id.startsWith(`${area}-`));
      if (inArea.length === 0) continue;
      io.out(`${area}: ${AREAS[area]}`);
      for (const r of inArea) {
        io.out(`  ${r.id.padEnd(9)} ${r.level.padEnd(8)} ${r.statement}`);
        io.out(
          `  ${''.padEnd(18)} applies to ${r.appliesTo.join(', ')}; ${r.source.seed} ${r.source.section}${r.reference ? `; ${r.reference}` : ''}`,
        );
        if (r.interpretation) io.out(`  ${''.padEnd(18)} interpretation: ${r.interpretation}`);
        if (checks) {
          const covering = checks.get(r.id) ?? [];
          for (const c of covering) io.out(`  ${''.padEnd(18)} checked by ${c.id} (${c.file})`);
          if (covering.length === 0) io.out(`  ${''.padEnd(18)} no check: ${NOT_COVERED[r.id] ?? 'none covers it'}`);
        }
      }
      io.out('');
    }
    const must = selected.filter((r) => r.level === 'MUST').length;
    io.out(`${selected.length} requirements (${must} MUST, ${selected.length - must} ADVISORY).`);
    return EXIT.ok;
  },
});
