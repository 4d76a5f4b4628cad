/** Which Chromium the kit drives: the one named by MBSC_CHROMIUM, else the lightest of Debian's builds present. */
import { describe, expect, it } from 'vitest';
import { CHROMIUM_BUILDS, chromiumPath } from '../../../conformance/kit/browser.js';

const [SHELL, FULL] = CHROMIUM_BUILDS;
const present =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

describe('chromiumPath', () => {
  it('prefers the headless shell when both builds are installed', () => {
    expect(chromiumPath({}, present(SHELL, FULL))).toBe(SHELL);
  });

  it('drives the full browser on a machine that has only it', () => {
    expect(chromiumPath({}, present(FULL))).toBe(FULL);
  });

  it('names the headless shell, the build to install, when neither is present', () => {
    expect(chromiumPath({}, present())).toBe(SHELL);
  });

  it('reads an empty MBSC_CHROMIUM as not set', () => {
    expect(chromiumPath({ MBSC_CHROMIUM: '' }, present(FULL))).toBe(FULL);
  });

  it('takes MBSC_CHROMIUM as it is, present or not, so its lack is reported under that name', () => {
    expect(chromiumPath({ MBSC_CHROMIUM: '/opt/chrome/chrome' }, present(SHELL, FULL))).toBe('/opt/chrome/chrome');
  });
});
