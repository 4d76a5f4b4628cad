/**
 * An upload's last append held open at its last byte, for what a server does to an append under way when something
 * else lands meanwhile (a migration, say): every byte but the last is handed to the request, the request stays
 * open, and the last byte goes once released. The body is read only as the request asks for more, so `handedOver`
 * settles once the request took every byte but the last (its socket may still be sending them: whenever the server
 * reads them, the append is under way and cannot end before the last byte goes).
 */
import { Readable } from 'node:stream';
import type { Static } from 'typebox';
import type { AppendResponse } from '../../spec/protocol/resources.js';
import type { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';

export interface HeldAppend {
  /** Settles once every byte but the last was taken by the request. */
  readonly handedOver: Promise<void>;
  /** Sends the last byte and answers what the append answered, or the error it failed with. */
  release(): Promise<{ answer: Static<typeof AppendResponse> } | { error: unknown }>;
}

/** Appends `rest` to upload `uploadId` at `offset`, holding its last byte back until released. */
export function holdLastByte(client: MbsClient, uploadId: string, offset: number, rest: Buffer): HeldAppend {
  let tookAllButLast!: () => void;
  let last!: () => void;
  const handedOver = new Promise<void>((resolve) => (tookAllButLast = resolve));
  const lastMayGo = new Promise<void>((resolve) => (last = resolve));
  let reads = 0;
  const body = new Readable({
    highWaterMark: 0,
    read() {
      reads += 1;
      if (reads === 1) this.push(rest.subarray(0, -1));
      else if (reads === 2) {
        tookAllButLast();
        void lastMayGo.then(() => {
          this.push(rest.subarray(-1));
          this.push(null);
        });
      }
    },
  });
  const outcome = client.append(uploadId, offset, body, rest.length).then(
    (answer) => ({ answer }),
    (error: unknown) => ({ error }),
  );
  return {
    // An append refused before it took the bytes settles too: nothing is held then.
    handedOver: Promise.race([handedOver, outcome.then(() => undefined)]),
    release() {
      last();
      return outcome;
    },
  };
}
