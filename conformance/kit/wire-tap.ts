/**
 * A tap on the paired app's client that records what crossed the wire (appends, refused appends, downloads) and
 * can fire a hook after the n-th append or download, so that a check interrupts a job at an exact point without a
 * sleep; and the check that no byte of an item went twice.
 */
import type { MobileApp } from '../../simulators/app/mobile-app.js';
import type { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { ROUTES } from '../spec/protocol/routes.js';

/** One append the app sent: which item, from where, how many bytes. */
export interface Append {
  readonly sha256: string;
  readonly offset: number;
  readonly length: number;
}

/** What crossed the wire between the app and the server, with hooks that fire after each append or download. */
export class Wire {
  readonly appends: Append[] = [];
  /** Appends the server refused (their bytes crossed the wire all the same). */
  readonly refused: Append[] = [];
  readonly downloads: string[] = [];
  afterAppend: ((count: number) => void) | undefined;
  afterDownload: ((count: number) => void) | undefined;
  /** Appends and downloads since the hooks were last armed. */
  private appendCount = 0;
  private downloadCount = 0;
  /** Requests that may change what the server holds, counted when sent and again when answered. */
  private unsafe = 0;

  /** @param client the client this wire taps; none for the idle wire of an unpaired world. */
  constructor(readonly client?: MbsClient) {}

  /**
   * Moves whenever a request that may change the server's state (any method but GET, which HTTP defines as safe)
   * is sent or answered through the tapped client. Two readings that agree bracket a time in which this app asked
   * nothing of the server but reads, and none of its requests was still under way.
   */
  get changes(): number {
    return this.unsafe;
  }

  /** Counts an unsafe request once as it is sent and once as it settles, however it settles. */
  async unsafeRequest<T>(request: () => Promise<T>): Promise<T> {
    this.unsafe += 1;
    try {
      return await request();
    } finally {
      this.unsafe += 1;
    }
  }

  arm(hooks: { afterAppend?: (count: number) => void; afterDownload?: (count: number) => void }): void {
    this.appendCount = 0;
    this.downloadCount = 0;
    this.afterAppend = hooks.afterAppend;
    this.afterDownload = hooks.afterDownload;
  }

  disarm(): void {
    this.afterAppend = undefined;
    this.afterDownload = undefined;
  }

  appended(append: Append): void {
    this.appends.push(append);
    this.afterAppend?.(++this.appendCount);
  }

  downloaded(sha256: string): void {
    this.downloads.push(sha256);
    this.afterDownload?.(++this.downloadCount);
  }
}

/** Wraps the paired app's client so that every append and download is recorded on a Wire. */
export function tapWire(app: MobileApp): Wire {
  const client = app.client();
  const wire = new Wire(client);
  const uploads = new Map<string, string>();
  const call = client.call.bind(client);
  const unsafeCall = async (name: Parameters<typeof call>[0], input?: Parameters<typeof call>[1]) => {
    const out = await wire.unsafeRequest(() => call(name, input));
    if (name === 'createUpload') {
      const created = out as { status: string; upload?: { uploadId: string; sha256: string } };
      if (created.upload) uploads.set(created.upload.uploadId, created.upload.sha256);
    }
    return out;
  };
  // A read goes straight through: no promise of the tap's own around it, since most of a check's calls are reads.
  client.call = ((name: Parameters<typeof call>[0], input?: Parameters<typeof call>[1]) =>
    ROUTES[name].method === 'GET' ? call(name, input) : unsafeCall(name, input)) as typeof client.call;
  const append = client.append.bind(client);
  client.append = async (uploadId, offset, bytes, length) => {
    // Bytes cross the wire whether or not the server takes them: an append is recorded before its answer.
    const size = Buffer.isBuffer(bytes) ? bytes.length : (length ?? 0);
    const sent = { sha256: uploads.get(uploadId) ?? uploadId, offset, length: size };
    try {
      const result = await wire.unsafeRequest(() => append(uploadId, offset, bytes, length));
      wire.appended(sent);
      return result;
    } catch (error) {
      wire.refused.push(sent);
      throw error;
    }
  };
  const download = client.download.bind(client);
  client.download = async (sha256, start) => {
    const bytes = await download(sha256, start);
    wire.downloaded(sha256);
    return bytes;
  };
  return wire;
}

/** No byte of any item went twice: each item's appends follow one another from where the last one ended. */
export function wireSentNothingTwice(wire: Wire): string | undefined {
  const refused = wire.refused[0];
  if (refused) {
    return `the server refused ${refused.length} bytes of ${refused.sha256.slice(0, 12)} sent at offset ${refused.offset}`;
  }
  const end = new Map<string, number>();
  for (const a of wire.appends) {
    const sent = end.get(a.sha256) ?? 0;
    if (a.offset !== sent) {
      return `bytes ${a.offset}-${a.offset + a.length} of ${a.sha256.slice(0, 12)} were sent after byte ${sent}`;
    }
    end.set(a.sha256, sent + a.length);
  }
  return undefined;
}
