/** Sessions for the session model's tests: a device of the test spec, pointed at a server URL (none needed offline). */
import type { DeviceSpec, Platform } from '../../../simulators/device/device-spec.js';
import { SimulatorSession } from '../../../simulators/session/simulator-session.js';
import { spec } from '../../helpers/sim.js';

const OFFLINE = 'http://127.0.0.1:9';

/** Offline sessions start on a fixed date; ones against a server on the wall clock, as the server's is. */
export function session(platform: Platform = 'android', overrides: Partial<DeviceSpec> = {}, serverUrl = OFFLINE) {
  const startMs = serverUrl === OFFLINE ? Date.UTC(2026, 0, 1) : Date.now();
  return new SimulatorSession({ spec: spec(platform, overrides), serverUrl, startMs });
}

/** The ids of every element on the current screen. */
export function ids(s: SimulatorSession): string[] {
  const out: string[] = [];
  const visit = (e: ReturnType<SimulatorSession['tree']>) => {
    out.push(e.id);
    for (const c of e.children ?? []) visit(c);
  };
  visit(s.tree());
  return out;
}
