/**
 * A target session for the nemesis's own tests: the nemesis and the phone read only these of a session, since the
 * server they fault is the restartable reference server they start themselves (a real process, from the build).
 */
import path from 'node:path';
import { startRestartableServer } from '../../conformance/targets/restartable-server.js';
import type { TargetSession } from '../../conformance/targets/target.js';
import { REPO_ROOT } from './cli-process.js';

const ENTRY = path.join(REPO_ROOT, 'dist/conformance/targets/restartable-entry.js');

export function restartableSession(): TargetSession {
  return {
    edition: 'pro',
    url: 'http://127.0.0.1:9',
    host: '127.0.0.1',
    udpPort: 0,
    startRestartableServer: () => startRestartableServer(ENTRY, 'pro', []),
  } as unknown as TargetSession;
}
