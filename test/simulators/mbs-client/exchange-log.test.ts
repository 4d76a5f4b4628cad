import { describe, expect, it } from 'vitest';
import {
  bodyRecord,
  ExchangeLog,
  recordingExchanges,
  recordRequest,
} from '../../../simulators/mbs-client/exchange-log.js';

describe('exchange log', () => {
  it("records a request's body inside a scope, given as a record or as a function", () => {
    const log = new ExchangeLog();
    recordingExchanges(log, () => {
      recordRequest('POST', '/v1/a', { a: '1' }, bodyRecord(Buffer.from('{"x":1}')));
      recordRequest('POST', '/v1/b', {}, () => bodyRecord(Buffer.from('{"y":2}')));
      recordRequest('GET', '/v1/c', {});
    });
    const records = log.failing().records;
    expect(records.map((r) => [r.target, r.requestBody?.head.toString()])).toEqual([
      ['/v1/a', '{"x":1}'],
      ['/v1/b', '{"y":2}'],
      ['/v1/c', undefined],
    ]);
    expect('requestBody' in records[2]!).toBe(false);
  });

  it('makes no body record outside a scope', () => {
    let made = 0;
    const record = recordRequest('POST', '/v1/a', {}, () => {
      made++;
      return bodyRecord(Buffer.from('{}'));
    });
    expect(record).toBeUndefined();
    expect(made).toBe(0);
  });
});
