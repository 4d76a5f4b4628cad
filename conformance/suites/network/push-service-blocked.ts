/**
 * NET-09 (seed 000 §2.4: outbound ports 80 and 443 to the push notification service, or no push sign-in). The
 * check runs the push service itself, a plain HTTP server on 127.0.0.1 that takes every request, and starts a
 * server like the target's with that service. While it answers, a login offers push and the push reaches it.
 * Once it is taken away (its port now refuses connections, as a blocked port does), a new login says the push
 * service cannot be reached, lists no device for push and logs in with a one-time password; a push sent anyway is
 * `502 gateway-failed`. Not msw: the server may be a process of its own, so the service must be a real one.
 *
 * A server asks the service at each login start whether it answers, with a deadline of its own (the reference's is
 * 3 s). The service runs on the kit's thread: on a machine too busy for that thread to take the question in time,
 * a server rightly calls the service unreachable although the kit meant it up. So a login that calls the service
 * unreachable while it is up is a violation only when the service was asked and took the question in promptly, or
 * was not asked at all; a question the service took in late is the kit's machine, and the login is started again
 * (serviceUpLogin).
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
import type { OwnServer } from '../../targets/target.js';
import { codeAt, registerByQr, stepOf } from '../two-factor/common/actors.js';

const REQUIREMENT = ['NET-09'];

export interface PushService {
  readonly url: string;
  /** The bodies POSTed to it. */
  readonly posts: string[];
  /** When each other request (a server asking whether the service answers) reached the service, by `now`. */
  readonly asked: number[];
  readonly server: Server;
}

/** A push service that takes everything with 202 and keeps what was POSTed and when it was asked. */
export async function pushService(now: () => number = Date.now): Promise<PushService> {
  const posts: string[] = [];
  const asked: number[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    if (request.method !== 'POST') asked.push(now());
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST') posts.push(Buffer.concat(chunks).toString('utf8'));
      response.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/push`, posts, asked, server };
}

/** Within this long of a login's start the service takes a question in on a machine that is not too busy. */
export const PROMPT_MS = 1_000;
/** Login starts made while the service is up before the kit's machine is taken to keep the check from judging. */
const LOGIN_STARTS = 3;
/** How long the kit waits, after a login called the service unreachable, for a question still on its way. */
const STRAGGLER_MS = 2_000;

/**
 * A login started while the service is up, as the server answers it once the service took its question in time.
 * A login calling the service unreachable is a violation when the service took a question in within PROMPT_MS of the
 * start (it answered at once) or was never asked; when every question came late, the login is started again, and
 * after LOGIN_STARTS such starts the kit's machine kept the check from judging (`machine-too-slow`).
 */
export async function serviceUpLogin(
  own: Pick<OwnServer, 'console'>,
  service: PushService,
  now: () => number = Date.now,
): Promise<Login> {
  for (let start = 1; ; start++) {
    const sentAt = now();
    const before = service.asked.length;
    const login = await own.console.call('startLogin', { body: {} });
    if (login.pushService !== 'unreachable') return login;
    const asked = (await questionsAfter(service, before)).map((at) => at - sentAt);
    if (asked.length === 0) {
      throw violation('with the push service up, the login says it cannot be reached, and never asked it', login);
    }
    if (asked.some((after) => after <= PROMPT_MS)) {
      throw violation('with the push service up and answering at once, the login says it cannot be reached', login);
    }
    if (start === LOGIN_STARTS) {
      throw new ClientError(
        'machine-too-slow',
        `${LOGIN_STARTS} logins called the push service unreachable while it was up, and each time the kit's ` +
          `machine took the server's question in ${Math.min(...asked)} ms or more after the login started ` +
          `(more than ${PROMPT_MS} ms): too busy to tell the server's answer from its own slowness`,
      );
    }
  }
}

/** The times of the questions the service took in after the first `before`, waiting a little for one on its way. */
async function questionsAfter(service: PushService, before: number): Promise<number[]> {
  for (let waited = 0; service.asked.length === before && waited < STRAGGLER_MS; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return service.asked.slice(before);
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
        const login = await serviceUpLogin(own, service);
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
