/**
 * Pairing tokens and the device list, model-based (seed 000 §7.1, PROTOCOL.md "Pairing"): random sequences of
 * issuing "add" tokens, pairing new, paired and removed app installations with fresh, used, unknown and (on a
 * controlled server) expired tokens, for this edition or another, and removing devices. The model predicts which
 * refusals apply; the server must answer one of them and change nothing, or pair when none applies. After every
 * step the device list holds exactly the model's devices, under their names and models as the app gave them, with
 * the registration time and backup path their pairing answered (as GET /v1/device does), and each token's pairing
 * reads waiting, paired (by which device) or expired as the desktop's dialog polls it; every QR payload carries the
 * actual ports. The steps are in tokens-commands.ts, the model in tokens-model.ts, what is read after them in
 * tokens-verify.ts; first, one token is sent by several phones at once (token-at-once.ts), and phones named as long
 * as a name may be are paired (names-at-the-limit.ts).
 */
import fc from 'fast-check';
import type { Check, CheckContext } from '../../kit/check.js';
import { checkProperty, commandsOptions } from '../../kit/property.js';
import { issueToken, untouched, type Model, type Real } from './tokens-model.js';
import { verify } from './tokens-verify.js';
import { pairingSteps } from './tokens-commands.js';
import { consoleOf, removeQuietly, withClock } from '../../kit/server-support.js';
import { where } from '../../kit/applies.js';
import { tokenAtOnce } from './token-at-once.js';
import { namesAtTheLimit } from './names-at-the-limit.js';

export const pairingTokensCheck: Check = {
  id: 'pairing-tokens-model',
  title: 'Pairing tokens are single-use, expire and fit the edition; the device list holds exactly the paired devices',
  area: 'PAIR',
  requirements: ['PAIR-02', 'PAIR-10', 'PAIR-15', 'NET-06', 'NET-07', 'STO-01', 'STO-03', 'DESK-12'],
  scope: 'server',
  // Without the clock no token reaches its 10 minutes.
  requirementsWithout: { clock: ['PAIR-10'] },
  // It moves the server's clock and reads the whole device list: nothing may run beside it.
  exclusive: true,
  applies: where({ console: true }),
  async run(context: CheckContext) {
    const { session } = context;
    const clock = session.clock;
    const steps = pairingSteps(clock !== undefined);
    // The server's identity and ports, which every QR payload must carry: one server, asked once.
    const info = await consoleOf(session).call('getInfo');
    // Once, before the sequences: their pairings go one at a time, a token sent at once is this step's alone.
    await tokenAtOnce(session);
    await namesAtTheLimit(session);
    const property = fc.asyncProperty(
      fc.commands(steps, { ...commandsOptions(context, 15), size: 'large' }),
      async (commands) => {
        await withClock(clock, async (advance) => {
          const { devices } = await consoleOf(session).call('listDevices');
          const real: Real = {
            session,
            info,
            baseline: new Set(devices.map((d) => d.deviceId)),
            advance,
            now: () => clock?.now() ?? Date.now(),
            paired: [],
          };
          const model: Model = {
            canExpire: clock !== undefined,
            tokens: [],
            devices: [],
            removed: [],
            touched: untouched(),
          };
          // One token from the start, so the first commands can already pair.
          await issueToken(model, real);
          try {
            await fc.asyncModelRun(() => ({ model, real }), commands);
            // Each step's verify reads what it could have changed; whatever wrong state remains shows here.
            await verify(model, real, true);
          } finally {
            await removeQuietly(session, real.paired);
          }
        });
      },
    );
    return checkProperty(property, context);
  },
};
