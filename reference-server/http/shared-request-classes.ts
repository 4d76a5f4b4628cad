/**
 * Every server of a thread builds the requests and replies of unknown routes from the same classes as its routes'.
 *
 * Fastify gives each instance request and reply classes of its own, subclasses that add nothing until a plugin
 * decorates them. A route's context drops them for the undecorated classes they extend, which every instance shares;
 * the not-found context keeps the instance's own. A run starts dozens of servers on one thread (44 in the default
 * run), so each server's first 404 or 405 brought objects of a new shape into the code every request runs (Fastify's
 * hooks and replies, the server's own hooks): V8 threw away that code's optimised form again and again ("wrong map")
 * and compiled it anew.
 * The server decorates nothing, so its unknown routes now use the shared classes too, as Fastify does for routes.
 * Found by the symbols' names (Fastify exports no handle to them); with a Fastify that names them otherwise nothing
 * changes.
 */
import type { FastifyInstance } from 'fastify';

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
    const context = symbolValue(this, 'fastify.404ContextKey') as NotFoundContext | null | undefined;
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
  while (found.parent && symbolValue(found, 'fastify.hasBeenDecorated') !== true) found = found.parent;
  return found;
}

function symbolValue(target: object, name: string): unknown {
  const symbol = Object.getOwnPropertySymbols(target).find((s) => s.description === name);
  return symbol && (target as Record<symbol, unknown>)[symbol];
}
