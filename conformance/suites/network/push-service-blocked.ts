/**
 * NET-09 (seed 000 §2.4: outbound ports 80 and 443 to the push notification service, or no push sign-in). The
 * check runs the push service itself, a plain HTTP server on 127.0.0.1 that takes every request, and starts a
 * server like the target's with that service. While it answers, a login offers push and the push reaches it.
 * Once it is taken away (its port now refuses connections, as a blocked port does), a new login says the push
 * service cannot be reached, lists no device for push and logs in with a one-time password; a push sent anyway is
 * `502 gateway-failed`. Not msw: the server may be a process of its own, so the service must be a real one.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REASONS, where } from '../../kit/applies.js';
import type { Check } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { refused } from '../../kit/server-support.js';
import { Violation } from '../../kit/violation.js';
import type { Login } from '../../spec/protocol/two-factor-login.js';
import type { OwnServer } from '../../targets/target.js';
import { codeAt, registerByQr, stepOf } from '../two-factor/common/actors.js';

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
        own = await start(service.url);
        const app = await registerByQr(own.console, own.url, 'Push phone');
        const login = await own.console.call('startLogin', { body: {} });
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
