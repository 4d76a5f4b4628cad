/**
 * NET-09 (seed 000 §2.4: outbound ports 80 and 443 to the push notification service, or no push sign-in). The
 * check runs the push service itself, a plain HTTP server on 127.0.0.1 that takes every request, and starts a
 * server like the target's with that service. While it answers, a login offers push and the push reaches it.
 * Once it is taken away (its port now refuses connections, as a blocked port does), a new login says the push
 * service cannot be reached, lists no device for push and logs in with a one-time password; a push sent anyway is
 * `502 gateway-failed`. Not msw: the server may be a process of its own, so the service must be a real one.
 *
 * A server asks the service at each login start whether it answers, with a deadline of its own (the reference's is
 * 3 s). The service runs on the kit's thread: when that thread stalls, a question waits unanswered, and a server
 * rightly calls the service unreachable although the kit meant it up. So a login that calls the service unreachable
 * while it is up is a violation when the kit's thread kept answering throughout the login's start; when the thread
 * stalled, the login is started again (serviceUpLogin).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REASONS, where } from '../../kit/applies.js';
import type { Check } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { refused } from '../../kit/server-support.js';
import { Violation } from '../../kit/violation.js';
import { ClientError } from '../../spec/errors.js';
import type { Login } from '../../spec/protocol/two-factor-login.js';
import { startWhenRangeFrees } from '../../targets/range-held.js';
import type { OwnServer } from '../../targets/target.js';
import { registerByQr } from '../two-factor/common/actors.js';
import { codeAt, stepOf } from '../two-factor/common/totp-steps.js';

const REQUIREMENT = ['NET-09'];

/** A push service that takes everything with 202 and keeps what was POSTed. */
async function pushService(): Promise<{ url: string; posts: string[]; server: Server }> {
  const posts: string[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST') posts.push(Buffer.concat(chunks).toString('utf8'));
      response.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/push`, posts, server };
}

/**
 * The longest the kit's thread may stall while a login starts for the service to count as answering at once; a
 * server's deadline for the question is far longer (the reference's is 3 s).
 */
export const STALL_MS = 250;
/** Login starts the kit's stalls may spoil before the kit's machine is taken to keep the check from judging. */
const LOGIN_STARTS = 3;

/** Measures how long the kit's own thread stalled over a span, in ms: `stop()` ends the span. */
export type StallMeter = () => { stop(): number };

/** How often the meter looks at the kit's thread. */
const TICK_MS = 10;

/**
 * The longest the kit's event loop went without running a timer due every TICK_MS over the span, counting the time
 * since its last run at the end. (node:perf_hooks' monitorEventLoopDelay missed a 500 ms stall in a worker here.)
 */
export const eventLoopStalls: StallMeter = () => {
  let last = performance.now();
  let longest = 0;
  const look = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last - TICK_MS);
    last = now;
  };
  const tick = setInterval(look, TICK_MS).unref();
  return {
    stop() {
      clearInterval(tick);
      look();
      return Math.max(0, longest);
    },
  };
};

/**
 * A login started while the service is up. One that calls the service unreachable is a violation when the kit's
 * thread stalled under STALL_MS while it started (the service answered any question at once); otherwise the login
 * starts again, and after LOGIN_STARTS stalled starts the kit's machine kept the check from judging
 * (`machine-too-slow`, an error, never a verdict).
 */
export async function serviceUpLogin(
  own: Pick<OwnServer, 'console'>,
  stalls: StallMeter = eventLoopStalls,
): Promise<Login> {
  const stalled: number[] = [];
  for (let start = 1; ; start++) {
    const meter = stalls();
    let login: Login;
    let stall: number;
    try {
      login = await own.console.call('startLogin', { body: {} });
    } finally {
      stall = Math.round(meter.stop());
      stalled.push(stall);
    }
    if (login.pushService !== 'unreachable') return login;
    if (stall < STALL_MS) {
      throw violation(
        `with the push service up and answering at once (the kit's thread stalled at most ${stall} ms while the ` +
          'login started), the login says it cannot be reached',
        login,
      );
    }
    if (start === LOGIN_STARTS) {
      throw new ClientError(
        'machine-too-slow',
        `${LOGIN_STARTS} logins called the push service unreachable while it was up, and the kit's thread, which ` +
          `answers for the service, stalled ${stalled.join(', ')} ms while they started (${STALL_MS} ms or more ` +
          "each): too busy to tell the server's answer from the kit's own slowness",
      );
    }
  }
}

function violation(message: string, login: Login): Violation {
  return new Violation(REQUIREMENT, `${message}: ${JSON.stringify(login)}`);
}

async function withoutService(own: OwnServer, authenticatorId: string, secret: string): Promise<void> {
  const login = await own.console.call('startLogin', { body: {} });
  if (login.pushService !== 'unreachable')
    throw violation('the login does not say the push service is unreachable', login);
  if (login.state !== 'otp' || (login.methods?.push.length ?? 0) > 0) {
    throw violation('the login still offers push approval', login);
  }
  await refused(
    own.console.call('loginPush', { params: { loginId: login.loginId }, body: { authenticatorId } }),
    ['gateway-failed', 'login-state'],
    'a push with the push service gone',
  );
  const code = codeAt(secret, stepOf(Date.now()));
  const done = await own.console.call('loginOtp', { params: { loginId: login.loginId }, body: { code } });
  if (done.state !== 'logged-in') throw violation('the one-time password did not log in', done);
}

export const pushServiceBlockedCheck: Check = {
  id: 'network-push-service-blocked',
  title: 'Push needs the push service: unreachable, the login says so and offers the one-time password',
  area: 'NET',
  requirements: REQUIREMENT,
  scope: 'server',
  tags: ['2fa', 'push'],
  applies: where({ twoFactor: true, pushService: true }),
  run: ({ session }) =>
    checkOnce(async () => {
      const service = await pushService();
      const closeService = () => new Promise<void>((resolve) => service.server.close(() => resolve()));
      let own: OwnServer | undefined;
      try {
        const start = session.startOwnServerWithPushService;
        if (!start) throw new Error(REASONS.pushService);
        own = await startWhenRangeFrees(() => start(service.url));
        const app = await registerByQr(own.console, own.url, 'Push phone');
        const login = await serviceUpLogin(own);
        if (login.state !== 'choose-method' || login.pushService !== undefined) {
          throw violation('with the push service up, the login does not offer push', login);
        }
        await own.console.call('loginPush', { params: { loginId: login.loginId }, body: { authenticatorId: app.id } });
        if (service.posts.length !== 1) {
          throw new Violation(REQUIREMENT, `the push service got ${service.posts.length} requests, not 1`);
        }
        service.server.closeAllConnections();
        await closeService();
        await withoutService(own, app.id, app.secret);
      } finally {
        if (service.server.listening) await closeService();
        await own?.close();
      }
    }),
};
