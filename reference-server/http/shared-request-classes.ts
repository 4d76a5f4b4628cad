/**
 * Every server of a thread builds the requests and replies of unknown routes from the same classes as its routes'.
 *
 * Fastify gives each instance request and reply classes of its own, subclasses that add nothing until a plugin
 * decorates them. A route's context drops them for the undecorated classes they extend, which every instance shares;
 * the not-found context keeps the instance's own. A run starts dozens of servers on one thread, so each server's
 * first 404 or 405 brought objects of a new shape into the code every request runs (Fastify's hooks and replies, the
 * server's own hooks): V8 threw away that code's optimised form again and again ("wrong map") and compiled it anew.
 * The server decorates nothing, so its unknown routes now use the shared classes too, as Fastify does for routes.
 */
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';

/**
 * Fastify's own symbols for the not-found context and a decorated class, from the file that makes them (it has no
 * exports map): a Fastify that moves or renames them fails here, at load, rather than changing a server's answers.
 */
const { kFourOhFourContext, kHasBeenDecorated } = createRequire(import.meta.url)('fastify/lib/symbols.js') as {
  readonly kFourOhFourContext: symbol;
  readonly kHasBeenDecorated: symbol;
};
if (typeof kFourOhFourContext !== 'symbol' || typeof kHasBeenDecorated !== 'symbol')
  throw new Error("Fastify's symbols for the not-found context and decorated classes are not where they were.");

interface Constructed {
  readonly parent?: Constructed;
}

interface NotFoundContext {
  Request: Constructed;
  Reply: Constructed;
}

/** Keeps the not-found requests and replies of `app` of the classes its routes use, once it is ready. */
export function shareRequestClasses(app: FastifyInstance): void {
  app.addHook('onReady', function (done) {
    const context = (this as unknown as Record<symbol, NotFoundContext | null | undefined>)[kFourOhFourContext];
    if (context) {
      context.Request = undecorated(context.Request);
      context.Reply = undecorated(context.Reply);
    }
    done();
  });
}

/** The nearest class of `made`'s line that a plugin decorated, or its first: what a route's context uses. */
function undecorated(made: Constructed): Constructed {
  let found = made;
  while (found.parent && (found as Record<symbol, unknown>)[kHasBeenDecorated] !== true) found = found.parent;
  return found;
}
