import { describe, expect, it } from 'vitest';
import { requestShape } from '../../../simulators/mbs-client/request-tally.js';

describe('request tally', () => {
  it('names a request by its method and route, ids and query left out', () => {
    expect(requestShape('GET', '/v1/items?limit=1000&cursor=abc')).toBe('GET /v1/items');
    expect(requestShape('GET', `/v1/items/${'a'.repeat(64)}/content`)).toBe('GET /v1/items/:id/content');
    expect(requestShape('PATCH', '/v1/uploads/u7')).toBe('PATCH /v1/uploads/:id');
    expect(requestShape('POST', '/v1/console/pairings')).toBe('POST /v1/console/pairings');
  });
});
