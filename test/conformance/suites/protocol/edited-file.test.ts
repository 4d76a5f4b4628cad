import { describe, expect, it } from 'vitest';
import { editedFileCheck } from '../../../../conformance/suites/protocol/edited-file.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import { cellsOf, failuresOf, runTwoFactor, verdictOf } from '../fixtures/two-factor-run.js';

describe("an edited file's new content", () => {
  it('passes on the reference server, Pro and Home', async () => {
    const summary = await runTwoFactor([editedFileCheck]);
    expect(failuresOf(summary)).toEqual([]);
    expect(cellsOf(summary, editedFileCheck.id).map(([column, verdict]) => [column, verdict])).toEqual([
      ['pro', 'pass'],
      ['home', 'pass'],
    ]);
  });

  it('catches edited-file-answered-duplicate', async () => {
    const summary = await runTwoFactor([editedFileCheck], {
      target: new ReferenceTarget(['pro'], { faults: ['edited-file-answered-duplicate'] }),
    });
    expect(verdictOf(summary, 'BAK-08')).toBe('fail');
    expect(cellsOf(summary, editedFileCheck.id)[0]?.[2]).toMatch(/same name and path, other bytes.*expected created/);
  });

  it('catches restore-reads-first-of-path, naming RST-01', async () => {
    const summary = await runTwoFactor([editedFileCheck], {
      target: new ReferenceTarget(['pro'], { faults: ['restore-reads-first-of-path'] }),
    });
    expect(verdictOf(summary, 'RST-01')).toBe('fail');
    expect(verdictOf(summary, 'BAK-08')).toBe('pass');
    expect(cellsOf(summary, editedFileCheck.id)[0]?.[2]).toMatch(/restores other bytes than its own/);
  });
});
