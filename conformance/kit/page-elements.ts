/**
 * The elements of a page source as a WebDriver test reads them, from UiAutomator2's XML (content-desc, text,
 * checked) or XCUITest's (name, label, value 1/0): one node a line, ids as the screens name them. Checks that
 * read a whole list (languages, log entries, filter types) take it from one page source rather than a command
 * per element.
 */
import type { AppDriver } from '../../devices/appium-driver/app-driver.js';

export interface ShownElement {
  readonly id: string;
  readonly text: string;
  /** Switches, checkboxes and radio buttons: whether it is on. */
  readonly checked?: boolean;
  readonly enabled: boolean;
}

const unescape = (value: string) => value.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

function attributes(line: string): Map<string, string> {
  return new Map([...line.matchAll(/ ([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)]));
}

/** Every element of the page source, in document order. */
export function elementsIn(source: string): ShownElement[] {
  const found: ShownElement[] = [];
  for (const line of source.split('\n')) {
    const a = attributes(line);
    const id = a.get('content-desc') ?? a.get('name');
    if (id === undefined) continue;
    const android = a.has('content-desc');
    const checked = android
      ? a.get('checkable') === 'true'
        ? a.get('checked') === 'true'
        : undefined
      : a.get('value') === '1' || a.get('value') === '0'
        ? a.get('value') === '1'
        : undefined;
    found.push({
      id,
      text: (android ? a.get('text') : a.get('label')) ?? '',
      ...(checked !== undefined ? { checked } : {}),
      enabled: a.get('enabled') !== 'false',
    });
  }
  return found;
}

/** The elements of the screen now whose ids match `pattern`. */
export async function shown(driver: AppDriver, pattern: RegExp): Promise<ShownElement[]> {
  return elementsIn(await driver.pageSource()).filter((e) => pattern.test(e.id));
}
