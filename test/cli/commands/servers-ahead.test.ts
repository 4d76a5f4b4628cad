/**
 * `mbsc run` starts its reference servers' thread ahead only when its options alone say it will start it: one for
 * every edition's servers, none when a file, another target, a listing or threads of cells may say otherwise.
 */
import { describe, expect, it } from 'vitest';
import type { Values } from '../../../cli/commands/run-options.js';
import { serversAhead } from '../../../cli/commands/servers-ahead.js';

const values = (given: Partial<Values>): Values => given as Values;

describe('servers started ahead by mbsc run', () => {
  it('one for every edition of a reference run, the smoke subset too', () => {
    expect(serversAhead(values({}))).toBe(1);
    expect(serversAhead(values({ smoke: true }))).toBe(1);
    expect(serversAhead(values({ smoke: true, editions: 'pro,lite' }))).toBe(1);
    expect(serversAhead(values({ editions: 'pro' }))).toBe(1);
    expect(serversAhead(values({ editions: 'pro, home,pro', threads: '1' }))).toBe(1);
  });

  it('none where the options leave the servers in doubt', () => {
    for (const given of [
      { list: true },
      { server: 'http://127.0.0.1:50000' },
      { 'server-image': 'mbs:1' },
      { config: 'run.json' },
      { devices: 'matrix.json' },
      { corpus: 'conformance/corpus' },
      { threads: '2' },
      { editions: 'pro,ultra' },
      { runs: 'many' },
    ] satisfies Partial<Values>[])
      expect(serversAhead(values(given))).toBe(0);
  });
});
