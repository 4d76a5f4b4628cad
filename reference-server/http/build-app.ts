/** The Fastify instance: protocol routes, schema validation, content types, and errors that are always catalogued. */
import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { Edition } from '../../conformance/spec/editions.js';
import { offersTwoFactor } from '../../conformance/spec/versions.js';
import { RANDOMNESS_KEY_HEADER, RANDOMNESS_KEY_PATTERN } from '../../conformance/spec/protocol/conformance-clock.js';
import { MbsError } from '../../conformance/spec/errors.js';
import type { RouteGroup } from '../../conformance/spec/protocol/route-spec.js';
import type { Clock, ConformanceClock } from '../clock.js';
import { authenticateDevice } from '../services/devices.js';
import { drawingWithKey } from '../services/randomness.js';
import type { UploadService } from '../services/uploads.js';
import type { WalBarrier } from '../store/wal-barrier.js';
import { authenticateAuthenticator } from '../two-factor/authenticators.js';
import type { TwoFactorContext } from '../two-factor/context.js';
import { arrivedBody } from './arrived-body.js';
import { registerConsoleAssets } from './console-assets.js';
import { registerConsoleChanges } from './console-changes.js';
import { holdRepliesUntilDurable } from './durable-replies.js';
import { errorHandlerOf } from './error-handler.js';
import { createHandlers } from './handlers.js';
import { registerRoutes } from './register-routes.js';
import { shareRequestClasses } from './shared-request-classes.js';
import { answerExpectation, clientErrorHandler, notFoundError, refuseMissingHost } from './route-guards.js';
import { validatorCompilerOf } from './validation.js';

export interface AppOptions {
  readonly consoleKey: string;
  readonly bodyLimit: number;
  readonly logger: boolean;
  /** The clock the console may move: given only when the server was started for conformance testing. */
  readonly conformanceClock?: ConformanceClock;
  /** Makes the database's commits durable; every answer waits for it. */
  readonly durability: WalBarrier;
}

/** The server's clocks when it starts: the conformance clock only when started for conformance testing. */
export interface StartedClocks {
  readonly conformanceClock: ConformanceClock | undefined;
  readonly serverClock: Clock;
}

/** The clock GET /v1/info advertises and the console's clock routes move: none out of conformance testing. */
export function clockOfRoutes({ conformanceClock }: StartedClocks): ConformanceClock | undefined {
  return conformanceClock;
}

/** Where the routes a server leaves out are refused: on an edition or version without 2FA, every 2FA route. */
export function refuseUnserved(group: RouteGroup, served: { readonly edition: Edition; readonly twoFactor: boolean }) {
  if (group === 'twoFactor' && !served.twoFactor) throw new MbsError('2fa-not-supported');
}

/** 2FA exists on Pro and Lite only, from desktop version 4.3.0.0: Home and older versions refuse every 2FA route. */
export function servesTwoFactor(edition: Edition, desktopVersion: string): boolean {
  return offersTwoFactor(edition, desktopVersion);
}

/** What GET /v1/info says of 2FA: what the server serves (a variant may serve one thing and say another). */
export function saysTwoFactor(edition: Edition, desktopVersion: string): boolean {
  return offersTwoFactor(edition, desktopVersion);
}

export function buildApp(ctx: TwoFactorContext, uploads: UploadService, options: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger,
    bodyLimit: options.bodyLimit,
    // Upload bodies are streamed by the handler: no limit on a whole request, but a socket silent for two minutes
    // is dropped (the upload resumes later), and closing the server ends every connection.
    requestTimeout: 0,
    connectionTimeout: 120_000,
    forceCloseConnections: true,
    return503OnClosing: true,
    clientErrorHandler,
    // A request without Host gets the catalogue's answer (refuseMissingHost) instead of Node's empty 400.
    http: { requireHostHeader: false },
    // Long ids reach schema validation and get a catalogued answer instead of the router's 414.
    routerOptions: { maxParamLength: 4096 },
    frameworkErrors: (_error, _request, frameworkReply) => {
      // Fastify types this reply for routes with no schema at all; it is an ordinary reply.
      const reply = frameworkReply as unknown as FastifyReply;
      void reply
        .code(400)
        .send(new MbsError('invalid-request', 'The URL is not valid (bad percent-encoding).').toBody());
    },
  });
  shareRequestClasses(app);
  app.server.on('checkExpectation', answerExpectation);
  app.addHook('onRequest', (request, _reply, done) => {
    refuseMissingHost(request.raw);
    done();
  });
  holdRepliesUntilDurable(app, options.durability);
  // Frozen, a request that names a randomness key draws from its stream (services/randomness.ts). The handler is
  // called from within `done`, after the body was parsed, so everything it awaits draws as that request.
  if (options.conformanceClock?.mode === 'frozen') {
    app.addHook('preHandler', (request, _reply, done) => {
      const key = request.headers[RANDOMNESS_KEY_HEADER];
      drawingWithKey(typeof key === 'string' && RANDOMNESS_KEY_PATTERN.test(key) ? key : undefined, done);
    });
  }
  // Only JSON and appended bytes are protocol bodies; text/plain would otherwise reach schema validation.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompilerOf(ctx.rules.valueToCheck, ctx.rules.routeSchema));
  app.setErrorHandler(errorHandlerOf(ctx.rules.toMbsError));
  app.setNotFoundHandler((request, reply) => {
    const { error, allow } = notFoundError(request.method, request.url);
    if (allow) void reply.header('allow', allow);
    void reply.code(error.status).send(error.toBody());
  });
  // Appended bytes reach the handler as they arrive, kept when the request is cut (arrived-body.ts).
  app.addContentTypeParser('application/offset+octet-stream', (_request, payload, done) =>
    done(null, arrivedBody(payload)),
  );
  const expectedKey = Buffer.from(options.consoleKey);
  const allowConsole = (key: string | undefined) => {
    const given = Buffer.from(key ?? '');
    if (given.length !== expectedKey.length || !timingSafeEqual(given, expectedKey)) {
      throw new MbsError('console-unauthorized');
    }
  };
  // Before the routes, so that its count of changes sees every one of them answered.
  registerConsoleChanges(app, allowConsole);
  const twoFactor = ctx.rules.servesTwoFactor(ctx.identity.edition, ctx.identity.desktopVersion);
  const clock = ctx.rules.clockOfRoutes({ conformanceClock: options.conformanceClock, serverClock: ctx.clock });
  registerRoutes(app, createHandlers(ctx, uploads, clock), ctx.rules, {
    // The one place 2FA is switched off: on Home every route of the twoFactor group is refused, whoever asks.
    available: (spec) => ctx.rules.refuseUnserved(spec.group, { edition: ctx.identity.edition, twoFactor }),
    // Out of conformance testing the clock routes are refused to the console, before their body is looked at.
    enabled: (spec) => {
      if (spec.group === 'conformance' && !clock) throw new MbsError('conformance-clock-off');
    },
    device: (authorization) => authenticateDevice(ctx, authorization),
    authenticator: (authorization) => authenticateAuthenticator(ctx, authorization),
    console: allowConsole,
  });
  registerConsoleAssets(app, ctx.rules.consoleAsset);
  return app;
}
