/** `mbsc requirements`: the requirement catalogue, as a table or JSON, optionally one area or level. */
import { AREAS, LEVELS, REQUIREMENTS, type Area } from '../../conformance/spec/requirements/index.js';
import { defineCommand, EXIT } from '../command.js';

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
    json: { type: 'boolean', description: 'Print JSON' },
  },
  async run(options, io) {
    const selected = REQUIREMENTS.filter(
      (r) => (!options.area || r.id.startsWith(`${options.area}-`)) && (!options.level || r.level === options.level),
    );
    if (options.json) {
      io.out(JSON.stringify(selected, null, 2));
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
      }
      io.out('');
    }
    const must = selected.filter((r) => r.level === 'MUST').length;
    io.out(`${selected.length} requirements (${must} MUST, ${selected.length - must} ADVISORY).`);
    return EXIT.ok;
  },
});
