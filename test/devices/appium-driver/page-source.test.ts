/**
 * Page source shapes over Appium: UiAutomator2's hierarchy on Android and XCUITest's on iOS, with the attributes
 * their inspectors show; XPath written against those shapes finds the same elements; screenshots are PNGs of the
 * screen that change when the screen does.
 */
import { DOMParser } from '@xmldom/xmldom';
import { PNG } from 'pngjs';
import type { Browser } from 'webdriverio';
import xpath from 'xpath';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulator, startAppiumFixture, type AppiumFixture } from './appium-fixture.js';

let fixture: AppiumFixture;
let android: Browser;
let ios: Browser;
beforeAll(async () => {
  fixture = await startAppiumFixture();
  android = await fixture.session(simulator('redmi-note-8', 'http://127.0.0.1:9'));
  ios = await fixture.session(simulator('iphone-13', 'http://127.0.0.1:9', 'iOS'));
});
afterAll(() => fixture?.close());

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Node;
const nodes = (expression: string, doc: Node) => xpath.select(expression, doc) as Element[];

describe('page source and screenshots over Appium', () => {
  it('is a UiAutomator2 hierarchy on Android', async () => {
    await android.$('~tab-more').click();
    const doc = parse(await android.getPageSource());
    const root = nodes('/hierarchy', doc)[0]!;
    expect(root.getAttribute('rotation')).toBe('0');
    expect(root.getAttribute('width')).toBe('1080');
    const power = nodes('//android.widget.Switch[@content-desc="more-power-saving"]', doc)[0]!;
    expect({
      class: power.getAttribute('class'),
      package: power.getAttribute('package'),
      text: power.getAttribute('text'),
      resourceId: power.getAttribute('resource-id'),
      checkable: power.getAttribute('checkable'),
      checked: power.getAttribute('checked'),
      clickable: power.getAttribute('clickable'),
    }).toEqual({
      class: 'android.widget.Switch',
      package: 'com.mbs.app',
      text: 'Power saving mode',
      resourceId: 'com.mbs.app:id/more-power-saving',
      checkable: 'true',
      checked: 'true',
      clickable: 'true',
    });
    expect(power.getAttribute('bounds')).toMatch(/^\[\d+,\d+\]\[\d+,\d+\]$/);
    expect(nodes('//android.widget.TextView[@selected="true"]/@text', doc).map((a) => a.nodeValue)).toEqual(['More']);
  });

  it('is an XCUITest tree on iOS', async () => {
    await ios.$('~tab-backup').click();
    const doc = parse(await ios.getPageSource());
    expect(nodes('/AppiumAUT/XCUIElementTypeApplication', doc)).toHaveLength(1);
    const button = nodes('//XCUIElementTypeButton[@name="backup-start"]', doc)[0]!;
    expect(['type', 'label', 'enabled', 'visible'].map((a) => button.getAttribute(a))).toEqual([
      'XCUIElementTypeButton',
      'Backup',
      'false',
      'true',
    ]);
    expect(Number(button.getAttribute('width'))).toBeGreaterThan(0);
    const photos = nodes('//XCUIElementTypeSwitch[@name="source-photos"]', doc)[0]!;
    expect(photos.getAttribute('value')).toBe('1');
    expect(nodes('//XCUIElementTypeSwitch[@name="source-documents"]', doc)).toHaveLength(0);
  });

  it('finds by XPath, id and class name as the page source shows', async () => {
    const ids: (string | null)[] = [];
    for (const s of await android.$$('//android.widget.Switch[@checked="true"]')) {
      ids.push(await s.getAttribute('content-desc'));
    }
    expect(ids).toEqual(['more-automated-backup', 'more-power-saving']);
    expect(await android.$('id=com.mbs.app:id/more-help').getText()).toBe('Help');
    expect(await android.$('id=more-help').getText()).toBe('Help');
    const buttons = await ios.$$('XCUIElementTypeButton');
    expect(buttons.length).toBeGreaterThan(3);
    expect(
      await ios
        .$('-ios class chain:**/XCUIElementTypeButton')
        .isExisting()
        .catch(() => 'refused'),
    ).toBe('refused');
  });

  it('draws the screen as a PNG that changes with the screen', async () => {
    await android.$('~tab-home').click();
    const home = PNG.sync.read(Buffer.from(await android.takeScreenshot(), 'base64'));
    await android.$('~tab-more').click();
    const more = PNG.sync.read(Buffer.from(await android.takeScreenshot(), 'base64'));
    expect([home.width, home.height]).toEqual([360, 780]);
    expect(Buffer.compare(home.data, more.data)).not.toBe(0);
    const inked = (png: PNG) => png.data.filter((_, i) => i % 4 === 0 && png.data[i]! < 100).length;
    expect(inked(home)).toBeGreaterThan(500);
  });
});
