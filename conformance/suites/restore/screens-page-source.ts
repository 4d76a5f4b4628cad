/**
 * The restore screens as a page source shows them, read back into elements: one read of the page per look instead
 * of a WebDriver command per text. UiAutomator2 gives an element's id as content-desc, its text as text and a
 * checkbox as checked; XCUITest gives name, label and value 1 or 0. The explorer's groups come back as what a
 * user sees: each group's title, and its thumbnails row by row, each with its name and whether it is ticked.
 */
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';

export interface Shown {
  readonly id: string;
  readonly text: string;
  readonly checked: boolean;
  readonly enabled: boolean;
  readonly children: Shown[];
}

const unescape = (value: string) => value.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

/** Every element of the page by id. Each node is one line of the source, indented by its depth. */
export function parseSource(source: string): Map<string, Shown> {
  const byId = new Map<string, Shown>();
  const open: { depth: number; node: Shown }[] = [];
  for (const line of source.split('\n')) {
    const tag = /^(\s*)<([A-Za-z.]+) (.*?)\/?>$/.exec(line);
    if (!tag) continue;
    const attrs = new Map([...tag[3]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)]));
    const android = attrs.has('content-desc');
    const id = android ? attrs.get('content-desc')! : attrs.get('name');
    if (!id || tag[2] === 'XCUIElementTypeApplication') continue;
    const node: Shown = {
      id,
      text: (android ? attrs.get('text') : attrs.get('label')) ?? '',
      checked: android ? attrs.get('checked') === 'true' : attrs.get('value') === '1',
      enabled: attrs.get('enabled') !== 'false',
      children: [],
    };
    const depth = tag[1]!.length;
    while (open.length > 0 && open.at(-1)!.depth >= depth) open.pop();
    open.at(-1)?.node.children.push(node);
    open.push({ depth, node });
    byId.set(id, node);
  }
  return byId;
}

export async function readScreen(driver: AppDriver): Promise<Map<string, Shown>> {
  return parseSource(await driver.pageSource());
}

export interface ShownThumbnail {
  /** The element's id: what a tap on the thumbnail takes. */
  readonly id: string;
  readonly name: string;
  readonly ticked: boolean;
}

export interface ShownGroup {
  /** The group's element: its Select all is `${id}-select`. */
  readonly id: string;
  readonly title: string;
  /** The thumbnails, row by row. */
  readonly rows: readonly (readonly ShownThumbnail[])[];
}

/** The groups the explorer shows for its current tab and kind. */
export function explorerGroups(screen: ReadonlyMap<string, Shown>): ShownGroup[] {
  const list = screen.get('explorer-groups');
  if (!list) throw new Error('the file explorer is not open');
  return list.children.map((group) => ({
    id: group.id,
    title: group.children.find((c) => c.id === `${group.id}-title`)?.text ?? '',
    rows: group.children
      .filter((c) => /-row-\d+$/.test(c.id))
      .map((row) => row.children.map((cell) => ({ id: cell.id, name: cell.text, ticked: cell.checked }))),
  }));
}

/** A number a text starts with ("3 selected, 1500 bytes", "4 per row"); NaN when it does not. */
export const leadingNumber = (text: string | undefined): number => Number(/^(\d+)\b/.exec(text ?? '')?.[1] ?? NaN);
