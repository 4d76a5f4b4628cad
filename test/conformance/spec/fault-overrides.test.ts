/**
 * The faulty variants live beside the rules they bend, never as switches inside them: each is an override in a
 * `<module>.faulty.ts` next to the `<module>.ts` that exports the rule it bends first (any further rule it bends is a
 * module's in the same folder), and no other source file of the app model or the reference server names a variant,
 * so a switch that sneaks back into a rule fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAULT_NAMES, FAULTS, type FaultName } from '../../../conformance/spec/faults.js';
import { withOverrides } from '../../../conformance/spec/rule-overrides.js';
import { APP_OVERRIDES, appRules, STRAIGHT_APP_RULES } from '../../../simulators/app/app-rules.js';
import { SERVER_OVERRIDES, serverRules, STRAIGHT_SERVER_RULES } from '../../../reference-server/server-rules.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return entry.endsWith('.ts') ? [full] : [];
  });
}

/** The module of `dir` (not a variant file) that exports the rule `rule`, by file name. */
async function ruleModuleIn(dir: string, rule: string): Promise<string | undefined> {
  for (const entry of readdirSync(dir).filter((e) => e.endsWith('.ts') && !e.endsWith('.faulty.ts'))) {
    const exported = (await import(path.join(dir, entry))) as Record<string, unknown>;
    if (typeof exported[rule] === 'function') return entry;
  }
  return undefined;
}

const SIDES = [
  {
    side: 'app',
    dir: path.join(ROOT, 'simulators/app'),
    overrides: APP_OVERRIDES as Record<string, object>,
    straight: STRAIGHT_APP_RULES as object as Record<string, unknown>,
  },
  {
    side: 'server',
    dir: path.join(ROOT, 'reference-server'),
    overrides: SERVER_OVERRIDES as Record<string, object>,
    straight: STRAIGHT_SERVER_RULES as object as Record<string, unknown>,
  },
] as const;

describe.each(SIDES)('the $side variants', ({ side, dir, overrides, straight }) => {
  const catalogued = FAULT_NAMES.filter((name) => FAULTS[name].side === side).sort();
  const faultyFiles = sourceFiles(dir).filter((file) => file.endsWith('.faulty.ts'));

  it('each sit beside the module whose rules they bend, and are that module’s own rules', async () => {
    const seen: string[] = [];
    for (const file of faultyFiles) {
      const ruleFile = file.replace(/\.faulty\.ts$/, '.ts');
      expect(statSync(ruleFile, { throwIfNoEntry: false })?.isFile(), `${ruleFile} beside ${file}`).toBe(true);
      const rules = (await import(ruleFile)) as Record<string, unknown>;
      const maps = Object.values(await import(file)).filter((v) => typeof v === 'object') as Record<string, object>[];
      for (const [fault, override] of maps.flatMap((map) => Object.entries(map))) {
        seen.push(fault);
        expect(overrides[fault], `${fault} in the assembled map`).toBe(override);
        const [own, ...others] = Object.keys(override);
        // The first rule a variant bends is its own module's; a fault that spans two rules of one area may bend
        // further rules of modules in the same folder (a code kept after use, and the login state that lets it in).
        expect(rules[own!], `${fault} bends ${own}, a rule of ${path.basename(ruleFile)}`).toBeTypeOf('function');
        expect(straight[own!], `the straight ${own} is ${path.basename(ruleFile)}'s`).toBe(rules[own!]);
        for (const rule of others) {
          const home = await ruleModuleIn(path.dirname(file), rule);
          expect(home, `${fault} bends ${rule}, a rule of a module beside ${path.basename(ruleFile)}`).toBeDefined();
          expect(straight[rule], `the straight ${rule} is ${home}'s`).toBe(
            ((await import(path.join(path.dirname(file), home!))) as Record<string, unknown>)[rule],
          );
        }
      }
    }
    // Every variant of the catalogue once, in one override file.
    expect(seen.sort()).toEqual(catalogued);
    expect(Object.keys(overrides).sort()).toEqual(catalogued);
  });

  it('are named nowhere else in the source', () => {
    const elsewhere = sourceFiles(dir)
      .filter((file) => !file.endsWith('.faulty.ts'))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        const named = FAULT_NAMES.filter((name) => text.includes(name));
        return [...named, ...(text.includes('FaultSet') ? ['FaultSet'] : [])].map(
          (n) => `${path.relative(ROOT, file)}: ${n}`,
        );
      });
    expect(elsewhere).toEqual([]);
  });
});

describe('assembling the rules', () => {
  it('gives the straight rules without variants, and one bent rule with one', () => {
    expect(appRules([])).toEqual(STRAIGHT_APP_RULES);
    expect(serverRules([])).toEqual(STRAIGHT_SERVER_RULES);
    const bent = serverRules(['two-factor-on-home']);
    expect(bent.servesTwoFactor('home', '4.5.4.0')).toBe(true);
    expect(STRAIGHT_SERVER_RULES.servesTwoFactor('home', '4.5.4.0')).toBe(false);
    const changed = Object.keys(bent).filter(
      (k) => bent[k as keyof typeof bent] !== STRAIGHT_SERVER_RULES[k as keyof typeof bent],
    );
    expect(changed).toEqual(['servesTwoFactor']);
  });

  it('applies two variants of one rule both, in turn', () => {
    const straight = { cost: (n: number) => n };
    const rules = withOverrides(straight, [
      { cost: (rule) => (n) => rule(n) + 1 },
      { cost: (rule) => (n) => rule(n) * 2 },
    ]);
    expect(rules.cost(3)).toBe(8);
    expect(straight.cost(3)).toBe(3);
  });

  it('takes each app variant in the catalogue that bends the same rule together', () => {
    const both = ['backup-off-lan', 'backup-below-30-percent'] satisfies FaultName[];
    const rules = appRules(both);
    const device = { batteryLevel: 29, charging: false, onBackupLan: false };
    const settings = { powerSaving: true, backupWhileChargingOnly: false };
    expect(STRAIGHT_APP_RULES.holdReasons('backup', device, settings)).toEqual(['not-on-backup-lan', 'battery-low']);
    expect(rules.holdReasons('backup', device, settings)).toEqual([]);
    expect(rules.holdReasons('restore', device, settings)).toEqual(['not-on-backup-lan', 'battery-low']);
  });
});
