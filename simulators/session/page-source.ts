/**
 * The element tree as the XML a real driver returns, so that XPath written against a real app works here too:
 * UiAutomator2's `<hierarchy>` of `android.widget.*` nodes with pixel bounds on Android, XCUITest's `<AppiumAUT>`
 * of `XCUIElementType*` nodes with point frames on iOS. Both carry every element's accessibility id (content-desc,
 * resource-id / name), and that is how a node found by XPath maps back to its element.
 */
import type { Platform } from '../device/device-spec.js';
import { layOut, SCREEN_WIDTH, type Rect } from './layout.js';
import type { ElementRole, UiElement } from './ui-element.js';

export const ANDROID_PACKAGE = 'com.mbs.app';
/** Android reports pixels: a 3x density phone. */
const DENSITY = 3;

const ANDROID_CLASS: Record<ElementRole, string> = {
  screen: 'android.widget.FrameLayout',
  bar: 'android.widget.LinearLayout',
  group: 'android.view.ViewGroup',
  list: 'androidx.recyclerview.widget.RecyclerView',
  row: 'android.view.ViewGroup',
  grid: 'android.widget.LinearLayout',
  text: 'android.widget.TextView',
  button: 'android.widget.Button',
  toggle: 'android.widget.Switch',
  checkbox: 'android.widget.CheckBox',
  radio: 'android.widget.RadioButton',
  tab: 'android.widget.TextView',
  field: 'android.widget.EditText',
  image: 'android.widget.ImageView',
  dialog: 'android.widget.FrameLayout',
};

const IOS_TYPE: Record<ElementRole, string> = {
  screen: 'XCUIElementTypeOther',
  bar: 'XCUIElementTypeTabBar',
  group: 'XCUIElementTypeOther',
  list: 'XCUIElementTypeTable',
  row: 'XCUIElementTypeCell',
  grid: 'XCUIElementTypeOther',
  text: 'XCUIElementTypeStaticText',
  button: 'XCUIElementTypeButton',
  toggle: 'XCUIElementTypeSwitch',
  checkbox: 'XCUIElementTypeButton',
  radio: 'XCUIElementTypeButton',
  tab: 'XCUIElementTypeButton',
  field: 'XCUIElementTypeTextField',
  image: 'XCUIElementTypeImage',
  dialog: 'XCUIElementTypeAlert',
};

export const classOf = (platform: Platform, element: UiElement): string =>
  platform === 'android'
    ? ANDROID_CLASS[element.role]
    : element.role === 'field' && element.secret
      ? 'XCUIElementTypeSecureTextField'
      : IOS_TYPE[element.role];

/** The attribute a node's element id is read back from. */
export const idAttribute = (platform: Platform): string => (platform === 'android' ? 'resource-id' : 'name');
export const resourceId = (id: string): string => `${ANDROID_PACKAGE}:id/${id}`;

export function pageSource(platform: Platform, root: UiElement): string {
  const { rects, height } = layOut(root);
  const rectOf = (e: UiElement): Rect => rects.get(e) ?? { x: 0, y: 0, width: 0, height: 0 };
  if (platform === 'android') {
    const body = androidNode(root, 0, rectOf, '  ');
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>\n` +
      `<hierarchy index="0" class="hierarchy" rotation="0" width="${SCREEN_WIDTH * DENSITY}" height="${height * DENSITY}">\n${body}</hierarchy>\n`
    );
  }
  const app = `<XCUIElementTypeApplication type="XCUIElementTypeApplication" name="MBS" label="MBS" enabled="true" visible="true" accessible="false" x="0" y="0" width="${SCREEN_WIDTH}" height="${height}" index="0">\n`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<AppiumAUT>\n${app}${iosNode(root, 0, rectOf, '  ')}</XCUIElementTypeApplication>\n</AppiumAUT>\n`;
}

type RectOf = (e: UiElement) => Rect;

function androidNode(e: UiElement, index: number, rectOf: RectOf, pad: string): string {
  const r = rectOf(e);
  const b = (n: number) => Math.round(n * DENSITY);
  const checkable = e.role === 'toggle' || e.role === 'checkbox' || e.role === 'radio';
  const attrs = {
    index,
    package: ANDROID_PACKAGE,
    class: ANDROID_CLASS[e.role],
    text: e.text ?? '',
    'content-desc': e.id,
    'resource-id': resourceId(e.id),
    checkable,
    checked: e.checked === true,
    clickable: e.tap !== undefined || e.input !== undefined,
    enabled: e.enabled !== false,
    focusable: e.input !== undefined,
    focused: false,
    'long-clickable': false,
    password: e.secret === true,
    scrollable: e.role === 'list',
    selected: e.selected === true,
    bounds: `[${b(r.x)},${b(r.y)}][${b(r.x + r.width)},${b(r.y + r.height)}]`,
    displayed: true,
  };
  return node(ANDROID_CLASS[e.role], attrs, e.children ?? [], pad, (c, i, p) => androidNode(c, i, rectOf, p));
}

function iosNode(e: UiElement, index: number, rectOf: RectOf, pad: string): string {
  const r = rectOf(e);
  const type = classOf('ios', e);
  const value = e.checked !== undefined ? (e.checked ? '1' : '0') : e.role === 'field' ? (e.text ?? '') : undefined;
  const attrs = {
    type,
    ...(value !== undefined ? { value } : {}),
    name: e.id,
    label: e.role === 'field' ? '' : (e.text ?? ''),
    enabled: e.enabled !== false,
    visible: true,
    accessible: e.tap !== undefined || e.input !== undefined || e.role === 'text',
    selected: e.selected === true || e.checked === true,
    x: r.x,
    y: r.y,
    width: r.width,
    height: r.height,
    index,
  };
  return node(type, attrs, e.children ?? [], pad, (c, i, p) => iosNode(c, i, rectOf, p));
}

function node(
  tag: string,
  attrs: Record<string, string | number | boolean>,
  children: readonly UiElement[],
  pad: string,
  child: (c: UiElement, index: number, pad: string) => string,
): string {
  const open = `${pad}<${tag} ${Object.entries(attrs)
    .map(([k, v]) => `${k}="${escapeXml(String(v))}"`)
    .join(' ')}`;
  if (children.length === 0) return `${open} />\n`;
  return `${open}>\n${children.map((c, i) => child(c, i, `${pad}  `)).join('')}${pad}</${tag}>\n`;
}

export function escapeXml(value: string): string {
  return value.replace(/[&<>"'\n]/g, (c) => `&#${c.charCodeAt(0)};`);
}
