/**
 * One interface to drive the simulated app, two ways: straight on the session model in this process, or as
 * WebDriver commands (each timed by kind) through Appium or any endpoint serving the same ids and `mobile:`
 * methods. Scenarios and checks written against `AppDriver` run either way and must reach the same verdicts.
 */
import { performance } from 'node:perf_hooks';
import type { Browser } from 'webdriverio';
import type { ExecuteMethodName, ExecuteParams, ExecuteResult } from '../../simulators/session/execute-methods.js';
import { runExecuteMethod } from '../../simulators/session/execute-runner.js';
import { pageSource } from '../../simulators/session/page-source.js';
import type { SimulatorSession } from '../../simulators/session/simulator-session.js';

export interface AppDriver {
  tap(id: string): Promise<void>;
  /** Types into a field, replacing what it held. */
  type(id: string, text: string): Promise<void>;
  text(id: string): Promise<string>;
  execute<N extends ExecuteMethodName>(method: N, params?: ExecuteParams<N>): Promise<ExecuteResult<N>>;
  pageSource(): Promise<string>;
}

export function inProcessDriver(session: SimulatorSession): AppDriver {
  return {
    tap: (id) => session.tap(id),
    type: (id, text) => session.type(id, text),
    text: async (id) => session.element(id).text ?? '',
    execute: async (method, params) => (await runExecuteMethod(session, method, params ?? {})) as never,
    pageSource: async () => pageSource(session.device.platform, session.tree()),
  };
}

/** Milliseconds of each WebDriver command, by command name. */
export type CommandTimes = Map<string, number[]>;

const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

/** `times`, when given, collects each command's wall time. */
export function webDriver(browser: Browser, times: CommandTimes = new Map()): AppDriver {
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
    type: async (id, text) => {
      const ref = await find(id);
      await timed('elementSendKeys', () => browser.elementSendKeys(ref, text));
    },
    text: async (id) => {
      const ref = await find(id);
      return timed('getElementText', () => browser.getElementText(ref));
    },
    execute: async (method, params) =>
      (await timed(`execute ${method}`, () => browser.executeScript(method, [params ?? {}]))) as never,
    pageSource: () => timed('getPageSource', () => browser.getPageSource()),
  };
}
