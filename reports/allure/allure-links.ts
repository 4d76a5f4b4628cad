/**
 * Links from a result to what it checks: each requirement's row in the HTML report written beside allure-results/
 * (`../index.html#req-<id>` from allure-report/index.html), and, when the seed documents are published somewhere
 * (`seedsUrl`), the seed section each requirement comes from, found in the text by its heading.
 */
import { REQUIREMENTS, SEED_SECTIONS } from '../../conformance/spec/requirements/index.js';
import type { SeedSource } from '../../conformance/spec/requirements/types.js';
import type { AllureLink } from './allure-model.js';

/** From allure-report/index.html to the index.html beside it. */
export const HTML_REPORT_FROM_ALLURE = '../index.html';

const SOURCES = new Map(REQUIREMENTS.map((r) => [r.id as string, r.source]));

/** `seed 000 §11.2 (Restore)`: where the requirement is written. */
export function seedSectionName(source: SeedSource): string {
  const heading = headingOf(source);
  const named = source.section.includes(heading) ? '' : ` (${heading})`;
  return `seed ${source.seed.slice(0, 3)} ${source.section}${named}`;
}

export function sourceOf(requirementId: string): SeedSource | undefined {
  return SOURCES.get(requirementId);
}

export function requirementLinks(requirementIds: readonly string[], seedsUrl?: string): AllureLink[] {
  const links: AllureLink[] = requirementIds.map((id) => ({
    name: id,
    url: `${HTML_REPORT_FROM_ALLURE}#req-${encodeURIComponent(id)}`,
    type: 'tms',
  }));
  if (seedsUrl === undefined) return links;
  const seen = new Set<string>();
  for (const id of requirementIds) {
    const section = seedSectionLink(id, seedsUrl);
    if (!section || seen.has(section.url)) continue;
    seen.add(section.url);
    links.push({ name: `${id}: ${section.name}`, url: section.url, type: 'link' });
  }
  return links;
}

/** Where a requirement is written, in the seed documents published at `seedsUrl`: the section, found by heading. */
export function seedSectionLink(requirementId: string, seedsUrl: string): { name: string; url: string } | undefined {
  const source = sourceOf(requirementId);
  if (!source) return undefined;
  const url = `${seedsUrl.replace(/\/$/, '')}/${source.seed}#:~:text=${encodeURIComponent(headingOf(source))}`;
  return { name: seedSectionName(source), url };
}

function headingOf(source: SeedSource): string {
  return (SEED_SECTIONS[source.seed] as Record<string, string>)[source.section] ?? source.section;
}
