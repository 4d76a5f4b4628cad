/**
 * Finding elements on the current screen by the strategies a real Appium driver takes: accessibility id, id,
 * class name and XPath (over the same XML the page source returns, so an XPath copied from an inspector works).
 * A search from an element looks only inside it. Answers in document order; none found is an empty list here and
 * a "no such element" for the driver's single-element find.
 */
import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';
import { ClientError } from '../../conformance/spec/errors.js';
import { didYouMean } from '../../conformance/spec/nearest-name.js';
import type { Platform } from '../device/device-spec.js';
import { classOf, idAttribute, pageSource, resourceId } from './page-source.js';
import { walk, type UiElement } from './ui-element.js';

export const LOCATOR_STRATEGIES = ['accessibility id', 'id', 'class name', 'xpath'] as const;
export type LocatorStrategy = (typeof LOCATOR_STRATEGIES)[number];

export function isLocatorStrategy(value: string): value is LocatorStrategy {
  return (LOCATOR_STRATEGIES as readonly string[]).includes(value);
}

/**
 * `root` is the whole screen; `within` (an element of it) narrows the search to that element's descendants.
 */
export function findElements(
  platform: Platform,
  root: UiElement,
  strategy: string,
  selector: string,
  within?: UiElement,
): UiElement[] {
  if (!isLocatorStrategy(strategy)) {
    throw new ClientError(
      'locator-invalid',
      `The locator strategy "${strategy}" is not supported; use one of ${LOCATOR_STRATEGIES.join(', ')}.${didYouMean(strategy, LOCATOR_STRATEGIES)}`,
      { strategy },
    );
  }
  const scope = within ? [...walk(within)].slice(1) : [...walk(root)];
  switch (strategy) {
    case 'accessibility id':
      return scope.filter((e) => e.id === selector);
    case 'id':
      return scope.filter((e) => e.id === selector || (platform === 'android' && resourceId(e.id) === selector));
    case 'class name':
      return scope.filter((e) => classOf(platform, e) === selector);
    case 'xpath':
      return byXpath(platform, root, selector, within);
  }
}

function byXpath(platform: Platform, root: UiElement, selector: string, within?: UiElement): UiElement[] {
  const doc = new DOMParser().parseFromString(pageSource(platform, root), 'text/xml');
  const attribute = idAttribute(platform);
  const toId = (value: string) => (platform === 'android' ? value.replace(/^[^:]+:id\//, '') : value);
  let context: Node = doc as unknown as Node;
  if (within) {
    const wanted = platform === 'android' ? resourceId(within.id) : within.id;
    const found = xpath.select(`//*[@${attribute}="${wanted}"]`, context);
    if (!Array.isArray(found) || found.length === 0) return [];
    context = found[0] as Node;
  }
  let result: xpath.SelectReturnType;
  try {
    result = xpath.select(selector, context);
  } catch (error) {
    throw new ClientError(
      'locator-invalid',
      `The XPath ${JSON.stringify(selector)} is not valid: ${(error as Error).message}`,
      {
        selector,
      },
    );
  }
  if (!Array.isArray(result)) {
    throw new ClientError('locator-invalid', `The XPath ${JSON.stringify(selector)} selects a value, not elements.`, {
      selector,
    });
  }
  const byId = new Map([...walk(root)].map((e) => [e.id, e] as const));
  const elements: UiElement[] = [];
  for (const node of result) {
    if (!xpath.isElement(node)) {
      throw new ClientError(
        'locator-invalid',
        `The XPath ${JSON.stringify(selector)} selects ${node.nodeName}, not elements.`,
        {
          selector,
        },
      );
    }
    const element = byId.get(toId(node.getAttribute(attribute) ?? ''));
    if (element) elements.push(element);
  }
  return elements;
}
