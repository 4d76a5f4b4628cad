/**
 * The `mobile:` execute methods as typed calls: names, parameters and results come from the one map in
 * simulators/session/execute-methods.ts, so a misspelt method or parameter is a compile error here as well as a
 * W3C error over the wire.
 */
import type { Browser } from 'webdriverio';
import type { ExecuteMethodName, ExecuteParams, ExecuteResult } from '../../../simulators/session/execute-methods.js';

export class DeviceControl {
  constructor(readonly browser: Browser) {}

  async run<N extends ExecuteMethodName>(name: N, params?: ExecuteParams<N>): Promise<ExecuteResult<N>> {
    return (await this.browser.execute(name, params ?? {})) as ExecuteResult<N>;
  }

  appState = () => this.run('mobile: appState');
  deviceInfo = () => this.run('mobile: deviceInfo');
  waitForIdle = (timeoutMs = 30_000) => this.run('mobile: waitForIdle', { timeoutMs });
  scanQr = (payload: string) => this.run('mobile: scanQr', { payload });
  setNetwork = (network: 'lan' | 'other-wifi' | 'off') => this.run('mobile: setNetwork', { network });
  setBattery = (level: number, charging?: boolean) =>
    this.run('mobile: setBattery', { level, ...(charging !== undefined ? { charging } : {}) });
  biometric = (match: boolean) => this.run('mobile: biometric', { match });
  addMedia = (params: ExecuteParams<'mobile: addMedia'>) => this.run('mobile: addMedia', params);
}
