/**
 * PROTOCOL.md "Listing and restore", Range: for an item of S bytes, `Range: bytes=N-` answers 206 with
 * `Content-Range: bytes N-(S-1)/S` and the bytes from N when 0 < N < S, 200 and the whole item when N = 0, and
 * `416 range-not-satisfiable` with `details.size` when N ≥ S; any other Range form is 416. A property over sizes and
 * offsets around those edges.
 */
import fc from 'fast-check';
import type { Check, CheckContext } from '../../kit/check.js';
import { checkProperty } from '../../kit/property.js';
import { where } from '../../kit/applies.js';
import { errorCodeOf, type RawAnswer } from '../../kit/raw-http.js';
import { readAll, send } from '../../../simulators/mbs-client/http-transport.js';
import { bytesOf, metaOf, pairDevice, removeQuietly, sha256, type PairedDevice } from '../../kit/server-support.js';

const cases = fc.record({
  size: fc.integer({ min: 1, max: 3000 }),
  /** Offsets as fractions of the size, with the edges drawn on purpose. */
  at: fc.array(
    fc.oneof(fc.constantFrom(0, 1, -1, 'size' as const, 'past' as const), fc.double({ min: 0, max: 1, noNaN: true })),
    {
      minLength: 1,
      maxLength: 4,
    },
  ),
  odd: fc.constantFrom('bytes=0-1', 'bytes=-5', 'items=0-', 'bytes=1-2,4-'),
});

function offsetOf(at: number | 'size' | 'past', size: number): number {
  if (at === 'size') return size;
  if (at === 'past') return size + 7;
  if (at === -1) return size - 1;
  return Number.isInteger(at) ? at : Math.floor(at * size);
}

/**
 * The item's content asked with `range`, whatever the answer. Every request here is well formed, so it goes over the
 * client's kept-alive connections, not a fresh connection per request as the kit's raw requests (made for garbage)
 * do: the same requests, without a connection set up and torn down on both sides each time.
 */
async function getContent(device: PairedDevice, sha: string, range: string): Promise<RawAnswer> {
  const answer = await send({
    method: 'GET',
    server: device.client.baseUrl,
    path: `/v1/items/${sha}/content`,
    headers: { authorization: `Bearer ${device.client.deviceKey ?? ''}`, range },
    timeoutMs: 10_000,
  });
  return { status: answer.status, headers: answer.headers, body: await readAll(answer.stream) };
}

async function expectRange(device: PairedDevice, sha: string, bytes: Buffer, n: number): Promise<void> {
  const size = bytes.length;
  const answer = await getContent(device, sha, `bytes=${n}-`);
  const said = `Range bytes=${n}- of ${size} bytes: answered ${answer.status}`;
  if (n >= size) {
    const details = JSON.parse(answer.body.toString('utf8') || '{}') as { details?: { size?: unknown } };
    if (answer.status !== 416 || errorCodeOf(answer) !== 'range-not-satisfiable' || details.details?.size !== size) {
      throw new Error(`${said} ${answer.body.toString('utf8').slice(0, 200)}; expected 416 with details.size ${size}`);
    }
    return;
  }
  const status = n === 0 ? 200 : 206;
  const contentRange = n === 0 ? undefined : `bytes ${n}-${size - 1}/${size}`;
  if (answer.status !== status || answer.headers['content-range'] !== contentRange) {
    throw new Error(
      `${said} with Content-Range ${answer.headers['content-range']}; expected ${status} ${contentRange}`,
    );
  }
  if (!answer.body.equals(bytes.subarray(n))) {
    throw new Error(`${said} with ${answer.body.length} bytes that are not the item's bytes from ${n}`);
  }
}

export const rangeDownloadsCheck: Check = {
  id: 'protocol-range-downloads',
  title: 'Range bytes=N- resumes a download: 206 with Content-Range, 200 from 0, 416 with the size from S on',
  area: 'NET',
  requirements: ['NET-15'],
  scope: 'server',
  applies: where({ console: true }),
  async run(context: CheckContext) {
    const { session } = context;
    const device = await pairDevice(session, 'Range probe');
    try {
      const backup = await device.client.call('startBackup', { body: {} });
      // One item per size, its bytes drawn from the size: a case whose size an earlier case had asks its ranges of
      // the item that case uploaded, which the server holds unchanged, instead of uploading another of that size.
      const uploaded = new Set<string>();
      const property = fc.asyncProperty(cases, async ({ size, at, odd }) => {
        const bytes = bytesOf(size * 8, size);
        const sha = sha256(bytes);
        if (!uploaded.has(sha)) {
          await device.client.uploadItem(backup.backupId, bytes, metaOf('photo', `RANGE_${sha.slice(0, 8)}`), sha);
          uploaded.add(sha);
        }
        for (const a of at) await expectRange(device, sha, bytes, offsetOf(a, size));
        const other = await getContent(device, sha, odd);
        if (other.status !== 416 || errorCodeOf(other) !== 'range-not-satisfiable') {
          throw new Error(`Range ${odd}: answered ${other.status}; only bytes=N- is taken, the rest is 416`);
        }
      });
      return await checkProperty(property, context);
    } finally {
      await removeQuietly(session, [device.deviceId]);
    }
  },
};
