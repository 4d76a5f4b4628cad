import { DOMParser } from '@xmldom/xmldom';
import { PNG } from 'pngjs';
import xpath from 'xpath';
import { describe, expect, it } from 'vitest';
import { findElements } from '../../../simulators/session/element-query.js';
import { layOut, SCREEN_WIDTH } from '../../../simulators/session/layout.js';
import { pageSource } from '../../../simulators/session/page-source.js';
import { screenshot } from '../../../simulators/session/screenshot.js';
import { walk } from '../../../simulators/session/ui-element.js';
import { session } from './session-fixture.js';

const doc = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Node;
const select = (expression: string, xml: string) => xpath.select(expression, doc(xml)) as Element[];

describe('page source', () => {
  it('has one node per element, in tree order, on both platforms', () => {
    for (const platform of ['android', 'ios'] as const) {
      const s = session(platform);
      s.open('more');
      const xml = pageSource(platform, s.tree());
      const attribute = platform === 'android' ? 'content-desc' : 'name';
      const ids = select(`//*[@${attribute}]`, xml)
        .map((e) => e.getAttribute(attribute))
        .filter((id) => id !== 'MBS');
      expect(ids).toEqual([...walk(s.tree())].map((e) => e.id));
    }
  });

  it('shows the migration and recovery phone screens with their fields and buttons', () => {
    const s = session('android');
    s.migration = { from: 'ASUS X00ID', to: 'Redmi Note 8' };
    s.open('migration');
    const migration = pageSource('android', s.tree());
    expect(select('//*[@content-desc="migration-result"]', migration)[0]!.getAttribute('text')).toContain(
      'from ASUS X00ID to Redmi Note 8',
    );
    expect(select('//android.widget.Button', migration).map((e) => e.getAttribute('content-desc'))).toEqual([
      'nav-back',
      'migration-restore',
      'migration-done',
    ]);
    s.open('recovery-phone');
    s.recoveryDraft = { country: '+86', number: '1380013800', digits: '', letters: 'ABCD' };
    const ios = session('ios');
    Object.assign(ios, { recoveryDraft: s.recoveryDraft });
    ios.open('recovery-phone');
    const xml = pageSource('ios', ios.tree());
    const fields = select('//XCUIElementTypeTextField', xml).map((e) => e.getAttribute('name'));
    expect(fields).toEqual(['recovery-country', 'recovery-number', 'recovery-digits']);
    expect(select('//*[@name="recovery-letters"]', xml)[0]!.getAttribute('label')).toBe('ABCD-');
  });

  it('escapes text, and marks password fields', () => {
    const s = session('ios');
    s.authenticate('Say "<hi>" & go', () => undefined);
    s.authByPassword = true;
    s.authPassword = 'secret';
    const xml = pageSource('ios', s.tree());
    expect(xml).toContain('label="Say &#34;&#60;hi&#62;&#34; &#38; go"');
    const field = select('//XCUIElementTypeSecureTextField', xml)[0]!;
    expect(field.getAttribute('value')).toBe('••••••');
    const android = session('android');
    android.authenticate('x', () => undefined);
    android.authByPassword = true;
    expect(select('//android.widget.EditText[@password="true"]', pageSource('android', android.tree()))).toHaveLength(
      1,
    );
  });

  it('lays the explorer grid out 4 or 2 per row, square cells', () => {
    const s = session();
    const tree = {
      role: 'grid' as const,
      id: 'row',
      columns: 4,
      children: ['a', 'b', 'c'].map((id) => ({ role: 'checkbox' as const, id })),
    };
    const rects = layOut(tree).rects;
    const cells = tree.children.map((c) => rects.get(c)!);
    expect(cells.map((r) => r.width)).toEqual([SCREEN_WIDTH / 4, SCREEN_WIDTH / 4, SCREEN_WIDTH / 4]);
    expect(cells.map((r) => r.x)).toEqual([0, 90, 180]);
    expect(cells[0]!.height).toBe(cells[0]!.width);
    expect(s.screen).toBe('home');
  });
});

describe('finding elements', () => {
  it('by accessibility id, id, class name and XPath, and within an element', () => {
    const s = session('android');
    s.open('more');
    const root = s.tree();
    const ids = (found: { id: string }[]) => found.map((e) => e.id);
    expect(ids(findElements('android', root, 'accessibility id', 'more-help'))).toEqual(['more-help']);
    expect(ids(findElements('android', root, 'id', 'com.mbs.app:id/more-help'))).toEqual(['more-help']);
    expect(findElements('android', root, 'class name', 'android.widget.Switch')).toHaveLength(5);
    expect(ids(findElements('android', root, 'xpath', '//*[@text="Help"]'))).toEqual(['more-help']);
    const bar = findElements('android', root, 'accessibility id', 'tab-bar')[0]!;
    expect(ids(findElements('android', root, 'xpath', './/android.widget.TextView', bar))).toEqual([
      'tab-home',
      'tab-backup',
      'tab-2fa',
      'tab-more',
    ]);
    expect(findElements('android', root, 'accessibility id', 'more-help', bar)).toEqual([]);
  });

  it('refuses strategies and XPaths it cannot take, with the nearest strategy named', () => {
    const root = session().tree();
    expect(() => findElements('android', root, 'acessibility id', 'x')).toThrow(/Did you mean "accessibility id"\?/);
    expect(() => findElements('android', root, 'xpath', '//*[')).toThrow(/locator|XPath/);
    expect(() => findElements('android', root, 'xpath', '//@text')).toThrow(/selects text, not elements|not elements/);
  });
});

describe('screenshots', () => {
  it('are PNGs of the screen, different per screen and per state', () => {
    const s = session();
    const home = PNG.sync.read(screenshot(s.tree()));
    s.open('more');
    const more = screenshot(s.tree());
    s.app.updateSettings({ powerSaving: false });
    const switched = screenshot(s.tree());
    expect([home.width, home.height]).toEqual([360, 780]);
    expect(Buffer.compare(screenshot(session().tree()), PNG.sync.write(home))).toBe(0);
    expect(Buffer.compare(more, switched)).not.toBe(0);
  });
});
