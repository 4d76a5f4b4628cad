/**
 * A check through the screens that fails keeps the screen it failed on: the cell's failure carries a screenshot
 * (a PNG) and the page source of that screen, for the reports to show. A check that passes carries none.
 */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { UI_PAIRING_CONNECTION_CHECKS } from '../../../conformance/suites/pairing/connection-screens.js';
import { runOnScreens, screensApp } from '../suites/fixtures/ui-broken-apps.js';

const needsPairing = UI_PAIRING_CONNECTION_CHECKS[0]!;

describe('the screen of a failure through the screens', () => {
  it('is kept with the failure: a screenshot that decodes as a PNG and the page source of the page it showed', async () => {
    const app = screensApp([], (s) => {
      const tap = s.tap.bind(s);
      s.tap = async (id) => (id === 'backup-restore' && !s.app.pairing ? s.open('restore') : tap(id));
    });
    const { failed } = await runOnScreens([needsPairing], app);
    const cells = failed('pairing-needed-before-backup-screens');
    expect(cells).toHaveLength(2);
    for (const cell of cells) {
      const screen = cell.failure?.screen;
      expect(screen?.screenshot).toBeDefined();
      const png = PNG.sync.read(Buffer.from(screen!.screenshot!, 'base64'));
      expect(png.width).toBeGreaterThan(100);
      // The page the broken app opened before pairing is the one on screen.
      expect(screen?.pageSource).toMatch(/restore/i);
      expect(cell.startedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
  }, 120_000);

  it('is not kept when the check passes', async () => {
    const { summary } = await runOnScreens([needsPairing]);
    const cells = summary.checks.flatMap((c) => c.cells).filter((c) => c.verdict === 'pass');
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell.failure).toBeUndefined();
  }, 120_000);
});
