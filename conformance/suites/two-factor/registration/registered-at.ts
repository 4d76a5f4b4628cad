/**
 * PROTOCOL.md "Conformance clock": every time a server reports reads its one clock, `registeredAt` included. An
 * authenticator's `registeredAt` is a reading taken while the call that registered it was being answered.
 */
import { Violation } from '../../../kit/violation.js';
import type { Authenticator } from '../../../spec/protocol/two-factor.js';
import type { ServerTime } from '../common/support.js';

/** The server's clock read just before and just after a registering call, and the rule that call stands for. */
export interface Registered {
  readonly before: number;
  readonly after: number;
  readonly ids: readonly string[];
}

/** Runs `call`, noting the clock around it. */
export async function registering<T>(
  time: ServerTime,
  ids: readonly string[],
  call: () => Promise<T>,
): Promise<{ value: T; at: Registered }> {
  const before = time.now();
  const value = await call();
  return { value, at: { before, after: time.now(), ids } };
}

/** Each named authenticator, as `where` shows it, was registered within its call (give or take the clock's slack). */
export function verifyRegisteredAt(
  time: ServerTime,
  where: string,
  shown: readonly Pick<Authenticator, 'name' | 'registeredAt'>[],
  calls: Readonly<Record<string, Registered>>,
): void {
  for (const a of shown) {
    const at = calls[a.name];
    if (!at || (a.registeredAt >= at.before - time.slackMs && a.registeredAt <= at.after + time.slackMs)) continue;
    throw new Violation(
      at.ids,
      `${where} shows ${a.name} registered at ${a.registeredAt}; it registered between ${at.before} and ` +
        `${at.after} (${time.source})`,
    );
  }
}
