/**
 * One interface to drive the simulated app, two ways: straight on the session model in this process, or as
 * WebDriver commands (each timed by kind) through Appium or any endpoint serving the same ids and `mobile:`
 * methods. Scenarios and checks written against `AppDriver` run either way and must reach the same verdicts.
 */
import { performance } from 'node:perf_hooks';
import type { ExecuteMethodName, ExecuteParams, ExecuteResult } from '../../simulators/session/execute-methods.js';
import { runExecuteMethod } from '../../simulators/session/execute-runner.js';
import { pageSource } from '../../simulators/session/page-source.js';
import { screenshot } from '../../simulators/session/screenshot.js';
import type { SimulatorSession } from '../../simulators/session/simulator-session.js';
import { SIMULATOR_LOCATORS, type Locators } from './page-objects/locators.js';
import type { W3cCommands } from './w3c-session.js';

export interface AppDriver {
  tap(id: string): Promise<void>;
  /** Types into a field, replacing what it held. */
  type(id: string, text: string): Promise<void>;
  text(id: string): Promise<string>;
  execute<N extends ExecuteMethodName>(method: N, params?: ExecuteParams<N>): Promise<ExecuteResult<N>>;
  pageSource(): Promise<string>;
  /** The screen as a PNG, base64 (W3C Take Screenshot). */
  screenshot(): Promise<string>;
}

export function inProcessDriver(session: SimulatorSession): AppDriver {
  return {
    tap: (id) => session.tap(id),
    type: (id, text) => session.type(id, text),
    text: async (id) => session.element(id).text ?? '',
    execute: async (method, params) => (await runExecuteMethod(session, method, params ?? {})) as never,
    pageSource: async () => pageSource(session.device.platform, session.tree()),
    screenshot: async () => screenshot(session.tree()).toString('base64'),
  };
}

/** Milliseconds of each WebDriver command, by command name. */
export type CommandTimes = Map<string, number[]>;

const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

/** A WebdriverIO selector as the W3C locator strategy and value that find it. */
export function w3cLocator(selector: string): [using: string, value: string] {
  if (selector.startsWith('~')) return ['accessibility id', selector.slice(1)];
  if (selector.startsWith('id=')) return ['id', selector.slice(3)];
  if (selector.startsWith('/') || selector.startsWith('(')) return ['xpath', selector];
  const native = /^-(android uiautomator|ios predicate string|ios class chain):(.*)$/s.exec(selector);
  if (native) return [`-${native[1]}`, native[2]!];
  throw new RangeError(`Selector "${selector}" names no locator strategy (~id, id=…, an xpath, or -android/-ios …:).`);
}

/** The W3C error that says an element reference no longer names an element on the screen. */
const STALE = 'stale element reference';

/**
 * `browser` is a WebdriverIO session or the kit's lean one (w3c-session.ts); `times`, when given, collects each
 * command's wall time; `locators` turn element ids into the app's selectors (the simulator's accessibility ids by
 * default, a real build's resource ids or overrides otherwise).
 *
 * `keepReferences`: the reference a Find Element answered for an id is used again by later commands on that id, and
 * the element is found anew only when the endpoint answers that the reference is stale. It is for the simulator
 * driver, whose references are the elements' accessibility ids: a kept one names exactly the element a new find
 * would, and a stale one fails before the command does anything. A real build's references are opaque and may
 * outlive what the screen shows, so they are found before every command there.
 */
export function webDriver(
  browser: W3cCommands,
  times: CommandTimes = new Map(),
  locators: Locators = SIMULATOR_LOCATORS,
  { keepReferences = false }: { readonly keepReferences?: boolean } = {},
): AppDriver {
  async function timed<T>(command: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      const list = times.get(command) ?? [];
      list.push(performance.now() - started);
      times.set(command, list);
    }
  }
  async function find(id: string): Promise<string> {
    const found = await timed('findElement', () => browser.findElement(...w3cLocator(locators.selector(id))));
    const ref = (found as unknown as Record<string, string>)[ELEMENT_KEY];
    if (!ref) throw new Error(`no element ${id}: ${JSON.stringify(found)}`);
    return ref;
  }
  const kept = new Map<string, string>();
  /** Runs `command` on the element `id` names, by its kept reference when it still holds. */
  async function onElement<T>(id: string, command: string, run: (ref: string) => Promise<T>): Promise<T> {
    const known = kept.get(id);
    if (known !== undefined) {
      try {
        return await timed(command, () => run(known));
      } catch (error) {
        if ((error as Error).name !== STALE) throw error;
        kept.delete(id);
      }
    }
    const ref = await find(id);
    if (keepReferences) kept.set(id, ref);
    return timed(command, () => run(ref));
  }
  return {
    tap: (id) => onElement(id, 'elementClick', async (ref) => void (await browser.elementClick(ref))),
    type: (id, text) =>
      onElement(id, 'elementSendKeys', async (ref) => void (await browser.elementSendKeys(ref, text))),
    text: (id) => onElement(id, 'getElementText', (ref) => browser.getElementText(ref)),
    execute: async (method, params) =>
      (await timed(`execute ${method}`, () => browser.executeScript(method, [params ?? {}]))) as never,
    pageSource: () => timed('getPageSource', () => browser.getPageSource()),
    screenshot: () => timed('takeScreenshot', () => browser.takeScreenshot()),
  };
}
