/**
 * The Appium 3 driver for simulated devices (automationName MbsSimulator, platforms Android and iOS): a thin
 * adapter from WebDriver commands to the session model in simulators/session. Each session builds one simulated
 * phone running the reference app against the MBS at `appium:serverUrl`; elements are referenced by their
 * accessibility ids, which stay valid as long as the element is on the screen.
 */
import { BaseDriver, errors, W3C_ELEMENT_KEY } from '@appium/base-driver';
import type { DefaultCreateSessionResult, Element, Rect, W3CDriverCaps } from '@appium/types';
import { findElements, LOCATOR_STRATEGIES } from '../../simulators/session/element-query.js';
import { runExecuteMethod } from '../../simulators/session/execute-runner.js';
import { layOut } from '../../simulators/session/layout.js';
import { pageSource, resourceId, classOf } from '../../simulators/session/page-source.js';
import { screenshot } from '../../simulators/session/screenshot.js';
import { SimulatorSession } from '../../simulators/session/simulator-session.js';
import { walk, type UiElement } from '../../simulators/session/ui-element.js';
import { CAPABILITY_CONSTRAINTS, sessionInitFromCapabilities, type SessionCapabilities } from './capabilities.js';
import { toW3cError, w3c } from './w3c-errors.js';

type Caps = typeof CAPABILITY_CONSTRAINTS;

export class MbsSimulatorDriver extends BaseDriver<Caps> {
  override desiredCapConstraints = CAPABILITY_CONSTRAINTS;
  override locatorStrategies = [...LOCATOR_STRATEGIES];
  private simulator: SimulatorSession | undefined;

  override async createSession(
    w3cCaps: W3CDriverCaps<Caps>,
    ...rest: unknown[]
  ): Promise<DefaultCreateSessionResult<Caps>> {
    const [sessionId, caps] = (await super.createSession(
      ...([w3cCaps, ...rest] as Parameters<BaseDriver<Caps>['createSession']>),
    )) as DefaultCreateSessionResult<Caps>;
    try {
      this.simulator = new SimulatorSession(sessionInitFromCapabilities(caps as unknown as SessionCapabilities));
    } catch (error) {
      await super.deleteSession();
      throw toW3cError(error, true);
    }
    return [sessionId, caps];
  }

  override async deleteSession(sessionId?: string | null): Promise<void> {
    this.simulator = undefined;
    await super.deleteSession(sessionId);
  }

  /** The session model, for in-process use (tests, the bench). */
  get session(): SimulatorSession {
    if (!this.simulator) throw new errors.NoSuchDriverError('No simulated device in this session.');
    return this.simulator;
  }

  override async findElOrEls(strategy: string, selector: string, mult: true, context?: string): Promise<Element[]>;
  override async findElOrEls(strategy: string, selector: string, mult: false, context?: string): Promise<Element>;
  override async findElOrEls(
    strategy: string,
    selector: string,
    mult: boolean,
    context?: string,
  ): Promise<Element | Element[]> {
    const s = this.session;
    return w3c(() => {
      const root = s.tree();
      const within = context === undefined ? undefined : s.element(context);
      const found = findElements(s.device.platform, root, strategy, selector, within).map(reference);
      if (mult) return found;
      const [first] = found;
      if (!first) {
        throw new errors.NoSuchElementError(
          `element-not-found: no element by ${strategy} "${selector}" on the ${s.screen} screen.`,
        );
      }
      return first;
    });
  }

  async click(elementId: string): Promise<void> {
    await w3c(() => this.session.tap(elementId));
  }

  async getText(elementId: string): Promise<string> {
    return w3c(() => this.session.element(elementId).text ?? '');
  }

  async setValue(text: string | string[], elementId: string): Promise<void> {
    await w3c(() => this.session.type(elementId, Array.isArray(text) ? text.join('') : text));
  }

  async clear(elementId: string): Promise<void> {
    await w3c(() => this.session.type(elementId, ''));
  }

  async getAttribute(name: string, elementId: string): Promise<string | null> {
    return w3c(() => attribute(this.session, this.session.element(elementId), name));
  }

  async elementEnabled(elementId: string): Promise<boolean> {
    return w3c(() => this.session.element(elementId).enabled !== false);
  }

  async elementSelected(elementId: string): Promise<boolean> {
    return w3c(() => {
      const e = this.session.element(elementId);
      return e.selected === true || e.checked === true;
    });
  }

  async elementDisplayed(elementId: string): Promise<boolean> {
    return w3c(() => [...walk(this.session.tree())].some((e) => e.id === elementId));
  }

  async getElementRect(elementId: string): Promise<Rect> {
    return w3c(() => {
      const element = this.session.element(elementId);
      const { rects } = layOut(this.session.tree());
      const found = [...rects].find(([e]) => e.id === element.id)?.[1];
      return found ?? { x: 0, y: 0, width: 0, height: 0 };
    });
  }

  override async getPageSource(): Promise<string> {
    return pageSource(this.session.device.platform, this.session.tree());
  }

  async getScreenshot(): Promise<string> {
    return screenshot(this.session.tree()).toString('base64');
  }

  async back(): Promise<void> {
    this.session.back();
  }

  /** Only `mobile:` methods: there is no JavaScript to run on a simulated phone. */
  async execute(script: string, args: unknown[] = []): Promise<unknown> {
    const match = /^mobile:\s*(\S+)$/.exec(script.trim());
    if (!match) {
      throw new errors.UnsupportedOperationError(
        `execute-method-unknown: only "mobile: <method>" scripts run on the ${this.session.device.spec.name} simulator.`,
      );
    }
    return w3c(() => runExecuteMethod(this.session, `mobile: ${match[1]}`, args[0] ?? {}));
  }
}

function reference(element: UiElement): Element {
  return { [W3C_ELEMENT_KEY]: element.id, ELEMENT: element.id } as Element;
}

/** The attributes UiAutomator2 and XCUITest answer, from the element's state. */
function attribute(session: SimulatorSession, e: UiElement, name: string): string | null {
  const platform = session.device.platform;
  const values: Record<string, string | boolean | undefined> = {
    checked: e.checked === true,
    checkable: e.checked !== undefined,
    enabled: e.enabled !== false,
    selected: e.selected === true || e.checked === true,
    displayed: true,
    visible: true,
    clickable: e.tap !== undefined || e.input !== undefined,
    password: e.secret === true,
    text: e.text ?? '',
    label: e.text ?? '',
    name: platform === 'ios' ? e.id : (e.text ?? ''),
    'content-desc': e.id,
    contentDescription: e.id,
    'resource-id': platform === 'android' ? resourceId(e.id) : undefined,
    resourceId: platform === 'android' ? resourceId(e.id) : undefined,
    value: e.checked !== undefined ? (e.checked ? '1' : '0') : e.text,
    class: classOf(platform, e),
    className: classOf(platform, e),
    type: classOf(platform, e),
  };
  const value = values[name];
  return value === undefined ? null : String(value);
}
