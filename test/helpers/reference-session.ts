/** A session on a test server as the runner opens one on the reference target: its URL, console and the app model. */
import { referenceApp } from '../../conformance/targets/app-under-test.js';
import type { TargetSession } from '../../conformance/targets/target.js';
import type { TestServer } from './test-server.js';

export function referenceSessionOf(t: TestServer): TargetSession {
  return {
    url: t.server.url,
    host: '127.0.0.1',
    edition: 'pro',
    console: t.console,
    app: referenceApp(),
  } as unknown as TargetSession;
}
