/**
 * The one scenario runs through either of two drivers with the same five operations: straight on the session model
 * (in process), or as WebDriver commands through Appium, where each command's wall time is recorded by kind.
 */
import { performance } from 'node:perf_hooks';
import type { Browser } from 'webdriverio';
import { runExecuteMethod } from '../../simulators/session/execute-runner.js';
import { pageSource } from '../../simulators/session/page-source.js';
import type { SimulatorSession } from '../../simulators/session/simulator-session.js';

export interface UiDriver {
  tap(id: string): Promise<void>;
  text(id: string): Promise<string>;
  execute(method: string, params?: Record<string, unknown>): Promise<unknown>;
  pageSource(): Promise<string>;
}

export function inProcessDriver(session: SimulatorSession): UiDriver {
  return {
    tap: (id) => session.tap(id),
    text: async (id) => session.element(id).text ?? '',
    execute: (method, params = {}) => runExecuteMethod(session, method, params),
    pageSource: async () => pageSource(session.device.platform, session.tree()),
  };
}

/** Milliseconds of each WebDriver command, by command name. */
export type CommandTimes = Map<string, number[]>;

const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

export function webDriver(browser: Browser, times: CommandTimes): UiDriver {
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
    const found = await timed('findElement', () => browser.findElement('accessibility id', id));
    const ref = (found as unknown as Record<string, string>)[ELEMENT_KEY];
    if (!ref) throw new Error(`no element ${id}: ${JSON.stringify(found)}`);
    return ref;
  }
  return {
    tap: async (id) => {
      const ref = await find(id);
      await timed('elementClick', () => browser.elementClick(ref));
    },
    text: async (id) => {
      const ref = await find(id);
      return timed('getElementText', () => browser.getElementText(ref));
    },
    execute: (method, params = {}) => timed(`execute ${method}`, () => browser.executeScript(method, [params])),
    pageSource: () => timed('getPageSource', () => browser.getPageSource()),
  };
}
