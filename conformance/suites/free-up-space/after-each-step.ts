/** A step of the free up space model, and what it checks after every step: the phone, free space, prompts, server. */
import type fc from 'fast-check';
import { Violation } from '../../kit/violation.js';
import { expectEqual, sorted } from '../../kit/device-support.js';
import { removable, type FusModel, type PhoneItem } from './model.js';
import type { FreeUpSpaceApp } from './port.js';

export type FusStep = fc.AsyncCommand<FusModel, FreeUpSpaceApp>;

export function step(
  label: string,
  check: (m: FusModel) => boolean,
  run: (m: FusModel, app: FreeUpSpaceApp) => Promise<void>,
): FusStep {
  return {
    check,
    async run(m, app) {
      const before = m.items.map((i) => i.id);
      m.freedFirst = undefined;
      await run(m, app);
      await verify(m, app, before);
    },
    toString: () => label,
  };
}

async function verify(m: FusModel, app: FreeUpSpaceApp, before: string[]): Promise<void> {
  const seen = await app.observe();
  const removed = before.filter((id) => !seen.onPhone.includes(id));
  const expected = before.filter((id) => !m.items.some((i) => i.id === id));
  if (JSON.stringify(sorted(removed)) !== JSON.stringify(sorted(expected))) {
    throw new Violation(rulesBroken(m, removed, expected), removalMessage(m, removed, expected));
  }
  const iosRule = m.platform === 'ios' ? ['FUS-12'] : ['FUS-10'];
  if (app.platformRules) expectEqual(iosRule, 'free bytes on the phone', seen.freeBytes, m.free);
  if (m.platform === 'ios') {
    if (seen.recentlyDeleted) {
      const model = sorted(m.recentlyDeleted.map((d) => d.content));
      expectEqual(['FUS-12'], 'Recently Deleted', sorted(seen.recentlyDeleted), model);
    }
    if (seen.prompts) expectEqual(['FUS-11'], 'deletion prompts (N items each)', seen.prompts, m.prompts);
  } else if (seen.prompts) {
    expectEqual(['FUS-10'], 'deletion prompts on Android', seen.prompts.length, 0);
  }
  expectEqual(['FUS-02'], 'the chosen limit', seen.limitGb, m.limitGb);
  // The model's items of the kinds the adapter lists.
  const kinds = new Map([...m.known.values()].map((i) => [i.content, i.kind]));
  const shown = (c: string) => {
    const kind = kinds.get(c);
    return kind === undefined || seen.serverKinds.includes(kind);
  };
  const listed = (contents: Iterable<string>) => sorted([...contents].filter(shown));
  const archive = seen.server.filter((i) => i.tab === 'archive').map((i) => i.content);
  expectEqual(['FUS-13', 'RFE-07'], 'the Archive tab', sorted(archive), listed(m.archived));
  expectEqual(['FUS-06'], 'items the server holds', sorted(seen.server.map((i) => i.content)), listed(m.confirmed));
}

/** Which rule a wrong removal breaks; first FUS-09 when it is what a job freeing up before its uploads removes. */
function rulesBroken(m: FusModel, removed: string[], expected: string[]): string[] {
  const rules = removalRules(m, removed, expected);
  const early = m.freedFirst !== undefined && JSON.stringify(sorted(removed)) === JSON.stringify(sorted(m.freedFirst));
  return early ? ['FUS-09', ...rules.filter((r) => r !== 'FUS-09')] : rules;
}

function removalRules(m: FusModel, removed: string[], expected: string[]): string[] {
  if (!m.on && removed.length > 0) return ['FUS-04'];
  const wrongKind = removed.map((id) => m.known.get(id)).some((i) => !i || !removable(m, i));
  if (wrongKind) return ['FUS-06'];
  if (m.platform === 'ios' && m.consent === 'deny' && removed.length > 0) return ['FUS-11'];
  if (removed.length === expected.length) return ['FUS-07'];
  return removed.length > expected.length ? ['FUS-08', 'FUS-05', 'FUS-03'] : ['FUS-05', 'FUS-09', 'FUS-03'];
}

function removalMessage(m: FusModel, removed: string[], expected: string[]): string {
  const names = (ids: string[]) => ids.map((id) => describe(m.known.get(id)) ?? id).join(', ') || 'nothing';
  return `free up space removed [${names(removed)}], the rules say [${names(expected)}] (limit ${m.limitGb} GB, on: ${m.on})`;
}

function describe(item: PhoneItem | undefined): string | undefined {
  if (!item) return undefined;
  const date = new Date(item.capturedAt).toISOString();
  return `${item.name} ${item.kind} ${item.size} B taken ${date}${item.storage === 'sd' ? ' on SD' : ''}`;
}
