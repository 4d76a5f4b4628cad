/**
 * Bad input: a request of the wrong shape. Bodies that are not JSON, fields of the wrong type or outside their enum,
 * unknown keys in bodies and queries, and a JSON route given another content type.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { ErrorCode } from '../../../conformance/spec/errors.js';
import { MAX_ITEM_BYTES } from '../../../conformance/spec/protocol/resources.js';
import type { RawCall } from '../../helpers/raw-http.js';
import { deviceIdentity, sha256 } from '../../helpers/test-server.js';
import {
  append,
  asA,
  asConsole,
  expectRefused,
  fx,
  item,
  json,
  raw,
  setUpFixture,
  tearDownFixture,
  uploadBody,
  validCall,
} from './fixture.js';

const jsonText = (method: string, p: string, text: string): RawCall => ({
  method,
  path: p,
  headers: { 'content-type': 'application/json' },
  body: text,
});
const account = {
  id: 'acct-1',
  issuer: 'Example',
  label: 'me',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  push: false,
};

beforeAll(setUpFixture);
afterAll(tearDownFixture);

describe('request shape', () => {
  const cases: [string, () => RawCall, ErrorCode][] = [
    ['malformed JSON', () => jsonText('POST', '/v1/pair', '{"token": "abc", '), 'invalid-json'],
    ['text that is not JSON', () => jsonText('POST', '/v1/pair', 'token=abc'), 'invalid-json'],
    ['an empty JSON body', () => jsonText('POST', '/v1/pair', ''), 'invalid-json'],
    [
      'malformed JSON to a console route',
      () => asConsole(jsonText('POST', '/v1/console/pairings', '{"mode":')),
      'invalid-json',
    ],
    [
      'malformed JSON to a device route',
      () => asA(jsonText('POST', `/v1/backups/${fx.openBackup}/commit`, '{')),
      'invalid-json',
    ],
    ['size as a string', () => asA(json('POST', '/v1/uploads', uploadBody({}, { size: '5' }))), 'invalid-request'],
    ['a negative size', () => asA(json('POST', '/v1/uploads', uploadBody({}, { size: -1 }))), 'invalid-request'],
    [
      'a declared size over the largest item the server takes',
      () => asA(json('POST', '/v1/uploads', uploadBody({}, { size: MAX_ITEM_BYTES + 1 }))),
      'item-too-large',
    ],
    [
      'an EXIF key over 64 characters',
      () => asA(json('POST', '/v1/uploads', uploadBody({ exif: { ['k'.repeat(65)]: 'v' } }))),
      'invalid-request',
    ],
    [
      'kind not in the enum',
      () => asA(json('POST', '/v1/uploads', uploadBody({ kind: 'sticker' }))),
      'invalid-request',
    ],
    [
      'an upper-case checksum',
      () => asA(json('POST', '/v1/uploads', uploadBody({}, { sha256: 'A'.repeat(64) }))),
      'invalid-request',
    ],
    [
      'edition not in the enum',
      () => json('POST', '/v1/pair', { ...JSON.parse(validCall.pair().body as string), edition: 'ultimate' }),
      'invalid-request',
    ],
    [
      'pairing mode not in the enum',
      () => asConsole(json('POST', '/v1/console/pairings', { mode: 'clone' })),
      'invalid-request',
    ],
    [
      'present not an array',
      () => asA(json('POST', `/v1/backups/${fx.openBackup}/commit`, { present: 'x', accounts: [] })),
      'invalid-request',
    ],
    ['an array where an object goes', () => asA(json('POST', '/v1/backups', [])), 'invalid-request'],
    ['limit not a number', () => asA({ method: 'GET', path: '/v1/items?limit=abc' }), 'invalid-request'],
    ['tab not in the enum', () => asA({ method: 'GET', path: '/v1/items?tab=trash' }), 'invalid-request'],
    ['upload-offset not a number', () => ({ ...append(Number.NaN), body: 'x' }), 'invalid-request'],
    ['an unknown key in startBackup', () => asA(json('POST', '/v1/backups', { extra: 1 })), 'invalid-request'],
    [
      'an unknown key in createUpload',
      () => asA(json('POST', '/v1/uploads', uploadBody({}, { extra: 1 }))),
      'invalid-request',
    ],
    [
      'an unknown key in item meta',
      () => asA(json('POST', '/v1/uploads', uploadBody({ colour: 'red' }))),
      'invalid-request',
    ],
    [
      'an unknown key in createPairing',
      () => asConsole(json('POST', '/v1/console/pairings', { mode: 'add', extra: 1 })),
      'invalid-request',
    ],
    [
      'an unknown key in the pairing device',
      () =>
        json('POST', '/v1/pair', {
          token: 'x'.repeat(43),
          edition: 'pro',
          device: { ...deviceIdentity('N'), extra: 1 },
        }),
      'invalid-request',
    ],
    [
      'an unknown key in rename',
      () => asConsole(json('PATCH', `/v1/console/devices/${fx.b.deviceId}`, { name: 'X', extra: 1 })),
      'invalid-request',
    ],
    [
      'an unknown key in commit',
      () => asA(json('POST', `/v1/backups/${fx.openBackup}/commit`, { present: [], accounts: [], extra: 1 })),
      'invalid-request',
    ],
    [
      'an unknown key in a 2FA account',
      () =>
        asA(json('POST', `/v1/backups/${fx.openBackup}/commit`, { present: [], accounts: [{ ...account, extra: 1 }] })),
      'invalid-request',
    ],
    [
      'an unknown key in archive',
      () => asA(json('POST', '/v1/items/archive', { items: [sha256(item)], extra: 1 })),
      'invalid-request',
    ],
    ['an unknown query parameter', () => asA({ method: 'GET', path: '/v1/items?colour=red' }), 'invalid-request'],
    [
      'a JSON route given no content type',
      () => asA({ method: 'POST', path: '/v1/backups', body: '{}' }),
      'unsupported-media-type',
    ],
    [
      'a JSON route given application/xml',
      () => asA({ method: 'POST', path: '/v1/backups', headers: { 'content-type': 'application/xml' }, body: '<a/>' }),
      'unsupported-media-type',
    ],
    [
      'a JSON route given text/plain',
      () => asA({ method: 'POST', path: '/v1/backups', headers: { 'content-type': 'text/plain' }, body: '{}' }),
      'unsupported-media-type',
    ],
    [
      'a JSON route given application/offset+octet-stream',
      () =>
        asA({
          method: 'POST',
          path: '/v1/backups',
          headers: { 'content-type': 'application/offset+octet-stream' },
          body: '{}',
        }),
      'unsupported-media-type',
    ],
  ];
  it.each(cases.map(([label, call, code]) => [label, code, call] as const))('%s → %s', (_, code, call) =>
    expectRefused(code, raw(call())),
  );
});
