/** A run given a local server's parts checks more, so its command lines carry them, but never a console key. */
import { describe, expect, it } from 'vitest';
import { runCommandLine } from '../../../conformance/runner/command-lines.js';

describe('command lines of a run with --data-dir and --own-server', () => {
  it('name both, and the own servers’ key only as a placeholder', () => {
    const line = runCommandLine(
      'validate',
      {
        server: 'http://127.0.0.1:50000',
        udpPort: 50200,
        edition: 'pro',
        dataDir: '/srv/mbs',
        ownServer: 'srv --edition {edition}',
        ownServerConsoleKey: 'secret-key-1',
      },
      undefined,
      7,
      100,
    );
    expect(line).toContain("--data-dir /srv/mbs --own-server 'srv --edition {edition}' --own-server-console-key <KEY>");
    expect(line).not.toContain('secret-key-1');
  });
});
