/**
 * For the self-test's variants that read, await, then check and write (a vendor's asynchronous database): what was
 * read, handed on after a round trip, so requests sent at once all read before any writes.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** How long the round trip takes: a database's on a loaded machine. */
const ROUND_TRIP_MS = 20;

export async function afterRoundTrip<T>(read: T | Promise<T>): Promise<T> {
  const value = await read;
  await sleep(ROUND_TRIP_MS);
  return value;
}
