import { describe, expect, it } from 'vitest';
import { serverOf } from '../../../simulators/mbs-client/server-address.js';

describe('server address', () => {
  it('reads what node:http needs from a URL', () => {
    expect(serverOf(new URL('http://127.0.0.1:50000/x'))).toEqual({
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: '50000',
      host: '127.0.0.1:50000',
      origin: 'http://127.0.0.1:50000',
    });
    expect(serverOf(new URL('http://example.test'))).toMatchObject({ port: '', host: 'example.test' });
    expect(serverOf(new URL('http://[::1]:8080'))).toMatchObject({ hostname: '::1', host: '[::1]:8080' });
  });

  it('reads a URL again once it is changed in place', () => {
    const url = new URL('http://127.0.0.1:50000');
    expect(serverOf(url).port).toBe('50000');
    url.port = '50001';
    expect(serverOf(url)).toMatchObject({ port: '50001', host: '127.0.0.1:50001' });
  });
});
