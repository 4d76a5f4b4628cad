/** The names a FAT flash drive refuses, read from a real folder tree. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fatNameProblem, fatProblemsUnder } from '../../../../conformance/suites/storage/fat-names.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tree(files: readonly string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'fat-names-'));
  dirs.push(root);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), 'x');
  }
  return root;
}

describe('names on a FAT flash drive', () => {
  it.each(['Zoé’s Pixel', '山田のiPhone', '000001.JPG', '2021-07-19-15-43-34', '.mbs', 'a'.repeat(255)])(
    'takes %s',
    (name) => expect(fatNameProblem(name)).toBeUndefined(),
  );

  it.each([
    ['2021-07-19-15:43:34', /":"/],
    ['a?b', /"\?"/],
    ['tab\there', /"\\t"/],
    ['trailing.', /ends in a dot or a space/],
    ['a'.repeat(256), /256 units long/],
  ])('refuses %s', (name, problem) => expect(fatNameProblem(name)).toMatch(problem));

  it('finds refused names and files that differ only in case, not folders that do', async () => {
    const clean = tree(['Pixel/1/blocks/2021-07-19-15-43-34/0/000001.JPG', 'PIXEL/2/blocks/x/0/000001.JPG']);
    expect(await fatProblemsUnder(clean)).toEqual([]);
    const bad = tree(['d/blocks/2021-07-19-15:43:34/0/000001.JPG', 'd/A.JPG', 'd/a.jpg']);
    const problems = await fatProblemsUnder(bad);
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/2021-07-19-15:43:34: .* FAT refuses/);
    expect(problems.join('\n')).toMatch(/differ only in case/);
  });
});
