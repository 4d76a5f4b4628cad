/** The Fastify instance: protocol routes, schema validation, content types, and errors that are always catalogued. */
import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { MbsError } from '../../conformance/spec/errors.js';
import type { ServiceContext } from '../services/context.js';
import { authenticateDevice } from '../services/devices.js';
import type { UploadService } from '../services/uploads.js';
import { errorHandler } from './error-handler.js';
import { createHandlers } from './handlers.js';
import { registerRoutes } from './register-routes.js';
import { validatorCompiler } from './validation.js';

export interface AppOptions {
  readonly consoleKey: string;
  readonly bodyLimit: number;
  readonly logger: boolean;
}

export function buildApp(ctx: ServiceContext, uploads: UploadService, options: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger,
    bodyLimit: options.bodyLimit,
    // Upload bodies are streamed by the handler; the socket must not time out mid-video.
    requestTimeout: 0,
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .send(new MbsError('route-not-found', `No route ${request.method} ${request.url.split('?')[0]}.`).toBody());
  });
  // Appended bytes reach the handler as the raw request stream.
  app.addContentTypeParser('application/offset+octet-stream', (_request, payload, done) => done(null, payload));
  const expectedKey = Buffer.from(options.consoleKey);
  registerRoutes(app, createHandlers(ctx, uploads), {
    device: (authorization) => authenticateDevice(ctx, authorization),
    console: (key) => {
      const given = Buffer.from(key ?? '');
      if (given.length !== expectedKey.length || !timingSafeEqual(given, expectedKey)) {
        throw new MbsError('console-unauthorized');
      }
    },
  });
  return app;
}
