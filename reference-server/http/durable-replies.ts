/**
 * No answer leaves the server before what it committed is on disk: an `onSend` hook waits for the database's
 * durability barrier (store/wal-barrier.ts) whenever a commit is not yet synced. Concurrent requests share one
 * fsync. If the sync fails the answer becomes `internal-error` instead, so nothing is acknowledged that a power cut
 * could take back.
 *
 * Most answers (reads) find nothing pending: the hook lets them go on at once through its callback, without a
 * promise and a microtask each, and returns a promise only when it has to wait.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MbsError } from '../../conformance/spec/errors.js';
import type { WalBarrier } from '../store/wal-barrier.js';

export function holdRepliesUntilDurable(app: FastifyInstance, barrier: Pick<WalBarrier, 'pending' | 'flush'>): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!barrier.pending()) {
      done(null, payload);
      return;
    }
    // Fastify takes the returned promise's value as the payload, as from an async hook.
    return durablePayload(barrier, request, reply, payload);
  });
}

async function durablePayload(
  barrier: Pick<WalBarrier, 'flush'>,
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  try {
    await barrier.flush();
    return payload;
  } catch (error) {
    request.log.error({ err: error }, 'the database could not be synced to disk');
    if (payload instanceof Readable) payload.destroy();
    reply.removeHeader('content-length');
    void reply.code(500).header('content-type', 'application/json; charset=utf-8');
    return JSON.stringify(new MbsError('internal-error').toBody());
  }
}
