/** The pairing QR text: the app link a camera opens, its fields in the fragment, and the first payload still read. */
import { describe, expect, it } from 'vitest';
import { APP_LINK, appLinkProblem } from '../../../../conformance/spec/protocol/app-link.js';
import {
  decodePairingPayload,
  encodeLegacyPairingPayload,
  encodePairingPayload,
} from '../../../../conformance/spec/protocol/pairing.js';
import { PAIRING_PAYLOAD } from './pairing-payload-example.js';

const PAYLOAD = PAIRING_PAYLOAD;

describe('the pairing QR text', () => {
  it('is the app link with every field in its fragment, none in what a browser sends', () => {
    const text = encodePairingPayload(PAYLOAD);
    const url = new URL(text);
    expect(`${url.origin}${url.pathname}`).toBe(APP_LINK);
    expect(url.search).toBe('');
    expect(url.hash).toContain(PAYLOAD.token);
    expect(appLinkProblem(text)).toBeUndefined();
    expect(decodePairingPayload(text)).toEqual(PAYLOAD);
  });

  it('the first payload still pairs through the app’s reader, but leads no camera anywhere', () => {
    const text = encodeLegacyPairingPayload(PAYLOAD);
    expect(text.startsWith('mbs://pair?v=1&')).toBe(true);
    expect(decodePairingPayload(text)).toEqual(PAYLOAD);
    expect(appLinkProblem(text)).toMatch(/mbs:\/\/…, which a camera opens only for an app already installed/);
  });

  it.each([
    ['another site', `https://example.org/pair#${new URLSearchParams({ v: '1' }).toString()}`, /not the app link/],
    ['plain http', `http://app.example.com/pair#v=1`, /http:\/\/…/],
    ['fields in the query', `${APP_LINK}?token=abc#v=1`, /carries a query/],
    ['no fields', APP_LINK, /no pairing data/],
    ['not a URL', 'PAIR 1 srv-1', /not a URL/],
  ])('%s is no app link', (_what, text, problem) => {
    expect(appLinkProblem(text)).toMatch(problem);
  });

  it.each([
    [
      'the app link on another site',
      `https://example.org/pair#${new URL(encodePairingPayload(PAYLOAD)).hash.slice(1)}`,
    ],
    ['fields in the query of the app link', `${APP_LINK}?${new URL(encodePairingPayload(PAYLOAD)).hash.slice(1)}`],
    ['a truncated fragment', encodePairingPayload(PAYLOAD).replace(/&expires=.*$/, '')],
  ])('the app refuses %s as no pairing payload', (_what, text) => {
    expect(() => decodePairingPayload(text)).toThrow(expect.objectContaining({ code: 'pairing-payload-invalid' }));
  });
});
