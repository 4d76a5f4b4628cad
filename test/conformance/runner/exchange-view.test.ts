/** How a recorded body reads in a report: text cut in its middle to about 2 KB, binary and streams by their size. */
import { describe, expect, it } from 'vitest';
import { BODY_CHARS, bodyText } from '../../../conformance/runner/exchange-view.js';
import { bodyRecord, streamedBody } from '../../../simulators/mbs-client/exchange-log.js';

describe('bodyText', () => {
  it('cuts a long JSON body in its middle, saying how much, and keeps its last field', () => {
    const body = { items: Array.from({ length: 400 }, (_, i) => ({ sha256: 'a'.repeat(20), i })), last: 'end' };
    const text = bodyText(bodyRecord(Buffer.from(JSON.stringify(body))))!;
    expect(text.length).toBeLessThanOrEqual(BODY_CHARS);
    expect(text).toMatch(/^\{"items":\[/);
    expect(text).toMatch(/characters cut\]… .*"last":"end"\}$/);
  });

  it('names binary and streamed bodies by their size, and an empty body not at all', () => {
    expect(bodyText(bodyRecord(Buffer.from([0xff, 0x00, 0x13, 0x80])))).toBe('(4 bytes of binary data)');
    expect(bodyText(streamedBody(1024))).toBe('(a streamed body of 1024 bytes)');
    expect(bodyText(bodyRecord(Buffer.alloc(0)))).toBeUndefined();
  });

  it('says how much of a body larger than what is kept was not kept, and still masks its secrets', () => {
    const big = Buffer.from(`{"deviceKey":"secret-key","pad":"${'p'.repeat(100_000)}"}`);
    const text = bodyText(bodyRecord(big))!;
    expect(text).not.toContain('secret-key');
    expect(text).toMatch(/…\[\d+ more bytes not kept\]$/);
  });
});
