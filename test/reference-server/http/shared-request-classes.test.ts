/**
 * Servers built one after another on a thread make the requests and replies of their unknown routes from the same
 * classes as their routes': Fastify alone gives each instance's not-found requests a class of its own.
 */
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { shareRequestClasses } from '../../../reference-server/http/shared-request-classes.js';

interface Seen {
  readonly url: string;
  readonly request: object | null;
  readonly reply: object | null;
}

/** Builds a server with one route and a not-found handler; returns the prototypes of what each request met. */
async function prototypesMet(shared: boolean): Promise<Seen[]> {
  const seen: Seen[] = [];
  const app = Fastify({ logger: false });
  if (shared) shareRequestClasses(app);
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done) => {
    seen.push({ url: request.url, request: Object.getPrototypeOf(request), reply: Object.getPrototypeOf(reply) });
    done();
  });
  app.get('/known', () => ({ known: true }));
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ unknown: request.url }));
  await app.ready();
  const answers = [
    await app.inject('/known'),
    await app.inject('/unknown'),
    await app.inject({ method: 'POST', url: '/known' }),
  ];
  await app.close();
  expect(answers.map((a) => [a.statusCode, a.body])).toEqual([
    [200, '{"known":true}'],
    [404, '{"unknown":"/unknown"}'],
    [404, '{"unknown":"/known"}'],
  ]);
  return seen;
}

describe('request classes shared by the servers of a thread', () => {
  it('gives unknown routes of every server the classes of the routes', async () => {
    const met = [...(await prototypesMet(true)), ...(await prototypesMet(true))];
    expect(met.map((m) => m.url)).toEqual(['/known', '/unknown', '/known', '/known', '/unknown', '/known']);
    expect(new Set(met.map((m) => m.request)).size).toBe(1);
    expect(new Set(met.map((m) => m.reply)).size).toBe(1);
  });

  it('is needed: without it each server has not-found classes of its own', async () => {
    const met = [...(await prototypesMet(false)), ...(await prototypesMet(false))];
    // The route's requests of both servers share a class; the not-found ones of each server have one more.
    expect(new Set(met.map((m) => m.request)).size).toBe(3);
    expect(new Set(met.map((m) => m.reply)).size).toBe(3);
  });
});
