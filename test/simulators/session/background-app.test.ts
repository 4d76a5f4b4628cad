import { describe, expect, it } from 'vitest';
import { ClientError } from '../../../conformance/spec/errors.js';
import { runExecuteMethod } from '../../../simulators/session/execute-runner.js';
import { ids, session } from './session-fixture.js';

describe('mobile: backgroundApp and mobile: activateApp', () => {
  it('send the app to the background, where the home screen takes the taps, and bring it back', async () => {
    const s = session('ios');
    expect(await runExecuteMethod(s, 'mobile: backgroundApp')).toEqual({ foreground: false });
    expect(s.device.foreground).toBe(false);
    expect(ids(s)).toEqual(['app', 'screen-launcher', 'launcher-app']);
    await expect(s.tap('tab-more')).rejects.toMatchObject({ code: 'element-stale' });
    expect(await runExecuteMethod(s, 'mobile: activateApp')).toEqual({ foreground: true });
    expect(ids(s)).toContain('tab-more');
    await runExecuteMethod(s, 'mobile: backgroundApp', { seconds: -1 });
    await s.tap('launcher-app');
    expect(s.device.foreground).toBe(true);
  });

  it('with seconds, bring the app back after that much virtual time', async () => {
    const s = session('android');
    const before = s.clock.now();
    expect(await runExecuteMethod(s, 'mobile: backgroundApp', { seconds: 90 })).toEqual({ foreground: true });
    expect(s.clock.now() - before).toBe(90_000);
  });

  it.each([
    [{ seconds: -2 }, 'seconds: must be >= -1 (got -2)'],
    [{ seconds: 1.5 }, 'seconds: must be integer (got 1.5)'],
    [{ second: 5 }, 'unknown key "second". Did you mean "seconds"?'],
  ])('refuse %j: %s', async (params, problem) => {
    const error = await runExecuteMethod(session(), 'mobile: backgroundApp', params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).code).toBe('execute-params-invalid');
    expect((error as ClientError).message).toContain(problem);
    const other = await runExecuteMethod(session(), 'mobile: activateApp', { appId: 'x' }).catch((e: unknown) => e);
    expect((other as ClientError).message).toContain('This method takes no parameters.');
  });
});
