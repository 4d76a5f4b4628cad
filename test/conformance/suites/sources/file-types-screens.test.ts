/** The file type checks through the screens, on the reference app and on apps that break one rule. */
import { describe, expect, it } from 'vitest';
import { eligibleItems } from '../../../../simulators/app/backup-sources.js';
import type { SimulatorSession } from '../../../../simulators/session/simulator-session.js';
import { UI_FILE_TYPE_CHECKS } from '../../../../conformance/suites/sources/file-types-screens.js';
import { ANDROID, IOS, passOn, skipOn } from '../fixtures/device-run.js';
import { runOnScreens, screensApp } from '../fixtures/ui-broken-apps.js';

/** An app that leaves out of each backup the items `skip` picks. */
const skipping = (skip: (name: string) => boolean) =>
  screensApp([], (s: SimulatorSession) => {
    const eligible = s.app.eligibleItems.bind(s.app);
    s.app.eligibleItems = () => eligible().filter((m) => !skip(m.name));
  });

describe('file types through the screens', () => {
  it('pass on Android and iOS; documents and audio apply to Android only', async () => {
    const { cells, verdictOf, verdict } = await runOnScreens(UI_FILE_TYPE_CHECKS);
    expect(cells).toEqual({
      'sources-file-types-photos-videos-screens': passOn(ANDROID, IOS),
      'sources-file-types-documents-audio-screens': [...passOn(ANDROID), skipOn(IOS, 'applies to Android only')],
    });
    for (const id of ['FTYPE-01', 'FTYPE-02', 'FTYPE-03', 'FTYPE-04', 'FTYPE-05', 'FTYPE-06']) {
      expect(verdictOf(id)).toBe('pass');
    }
    expect(verdict).toBe('pass');
  }, 120_000);

  it('catch an app that skips upper-case extensions, and one that skips GIF photos', async () => {
    const upper = await runOnScreens(
      UI_FILE_TYPE_CHECKS.slice(0, 1),
      skipping((n) => /\.[A-Z]+$/.test(n)),
    );
    const failures = upper.failed('sources-file-types-photos-videos-screens').map((c) => c.failure?.requirements);
    expect(failures).toEqual([['FTYPE-06'], ['FTYPE-06']]);
    const gif = await runOnScreens(
      UI_FILE_TYPE_CHECKS.slice(0, 1),
      skipping((n) => n.endsWith('.gif')),
    );
    expect(gif.failed('sources-file-types-photos-videos-screens').map((c) => c.failure?.message)).toEqual([
      expect.stringMatching(/^what IMG_\d{4}\.gif became: got "not backed up", expected "photo"/),
      expect.stringMatching(/^what IMG_\d{4}\.gif became: got "not backed up", expected "photo"/),
    ]);
    expect(gif.verdictOf('FTYPE-01')).toBe('fail');
  }, 120_000);

  it('catch an app that backs up documents with Documents off, and one that skips Opus audio', async () => {
    const always = screensApp([], (s) => {
      s.app.eligibleItems = () =>
        eligibleItems(s.device.platform, { ...s.app.sources, documents: true }, s.device.mediaItems());
    });
    const sent = await runOnScreens(UI_FILE_TYPE_CHECKS.slice(1), always);
    expect(sent.failed('sources-file-types-documents-audio-screens')[0]?.failure?.message).toMatch(
      /with Documents deselected/,
    );
    expect(sent.verdictOf('FTYPE-03')).toBe('fail');
    const opus = await runOnScreens(
      UI_FILE_TYPE_CHECKS.slice(1),
      skipping((n) => /\.opus$/i.test(n)),
    );
    expect(opus.failed('sources-file-types-documents-audio-screens')[0]?.failure?.requirements).toEqual(['FTYPE-04']);
    expect(opus.verdictOf('FTYPE-04')).toBe('fail');
  }, 120_000);
});
