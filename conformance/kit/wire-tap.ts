/**
 * A tap on the paired app's client that records what crossed the wire (appends, refused appends, downloads) and
 * can fire a hook after the n-th append or download, so that a check interrupts a job at an exact point without a
 * sleep; and the check that no byte of an item went twice.
 */
import type { MobileApp } from '../../simulators/app/mobile-app.js';

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
  const wire = new Wire();
  const client = app.client();
  const uploads = new Map<string, string>();
  const call = client.call.bind(client);
  client.call = (async (name: Parameters<typeof call>[0], input?: Parameters<typeof call>[1]) => {
    const out = await call(name, input);
    if (name === 'createUpload') {
      const created = out as { status: string; upload?: { uploadId: string; sha256: string } };
      if (created.upload) uploads.set(created.upload.uploadId, created.upload.sha256);
    }
    return out;
  }) as typeof client.call;
  const append = client.append.bind(client);
  client.append = async (uploadId, offset, bytes, length) => {
    // Bytes cross the wire whether or not the server takes them: an append is recorded before its answer.
    const size = Buffer.isBuffer(bytes) ? bytes.length : (length ?? 0);
    const sent = { sha256: uploads.get(uploadId) ?? uploadId, offset, length: size };
    try {
      const result = await append(uploadId, offset, bytes, length);
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
