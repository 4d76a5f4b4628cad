import { describe, expect, it } from 'vitest';
import { ClientError } from '../../../conformance/spec/errors.js';
import { EXECUTE_METHOD_NAMES } from '../../../simulators/session/execute-methods.js';
import { runExecuteMethod } from '../../../simulators/session/execute-runner.js';
import { session } from './session-fixture.js';

async function refusal(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ClientError)) throw new Error(`expected a ClientError, got ${String(error)}`);
  return `${error.code}: ${error.message}`;
}

describe('execute methods', () => {
  it('suggest the nearest name for an unknown one', async () => {
    expect(await refusal(runExecuteMethod(session(), 'mobile: advanceClok', { ms: 1 }))).toMatch(
      /^execute-method-unknown: Unknown execute method "mobile: advanceClok"\. Did you mean "mobile: advanceClock"\?/,
    );
    expect(EXECUTE_METHOD_NAMES).toEqual(expect.arrayContaining(['mobile: setBattery', 'mobile: appState']));
  });

  it.each([
    ['mobile: setBattery', { level: -1 }, 'level: must be >= 0 (got -1)'],
    ['mobile: setBattery', {}, 'level: is required'],
    ['mobile: setStorage', { freeBytes: 1.5 }, 'freeBytes: must be integer (got 1.5)'],
    ['mobile: setNetwork', { network: 'wifi' }, 'network: must be'],
    ['mobile: addMedia', { kind: 'photo', count: 0, sizeBytes: 1 }, 'count: must be >= 1 (got 0)'],
    ['mobile: advanceClock', { millis: 5 }, 'unknown key "millis"'],
    ['mobile: appState', [], 'the parameters must be one JSON object'],
    ['mobile: setDeleteConsent', { answer: 'yes' }, 'answer: must be'],
    ['mobile: setDeleteConsent', { consent: 'deny' }, 'unknown key "consent"'],
    ['mobile: setDeleteConsent', {}, 'answer: is required'],
  ])('%s %j is refused: %s', async (name, params, problem) => {
    const message = await refusal(runExecuteMethod(session(), name, params));
    expect(message.startsWith(`execute-params-invalid: ${name}: `)).toBe(true);
    expect(message).toContain(problem);
  });

  it('run against the session: battery, storage, media, network, clock, lock, permissions, SMS', async () => {
    const s = session('ios');
    const run = (name: string, params: unknown = {}) => runExecuteMethod(s, name, params);
    expect(await run('mobile: setBattery', { level: 29, charging: true })).toEqual({ level: 29, charging: true });
    expect(s.app.holdReasons('backup')).toEqual(['battery-low']);
    await run('mobile: setStorage', { freeBytes: 3_000_000_000 });
    expect(s.device.freeBytes()).toBe(3_000_000_000);
    const { ids } = (await run('mobile: addMedia', { kind: 'video', count: 2, sizeBytes: 1000 })) as { ids: string[] };
    expect(s.device.mediaItems().map((m) => [m.id, m.name, m.kind])).toEqual([
      [ids[0], 'VID_0001.mp4', 'video'],
      [ids[1], 'VID_0002.mp4', 'video'],
    ]);
    expect(await refusal(run('mobile: addMedia', { kind: 'photo', count: 1, sizeBytes: 4_000_000_000 }))).toMatch(
      /^storage-full:/,
    );
    expect(await run('mobile: setNetwork', { network: 'other-wifi' })).toEqual({
      wifi: 'cafe',
      backupMachineReachable: false,
      internet: true,
    });
    const before = s.clock.now();
    await run('mobile: advanceClock', { ms: 90_000 });
    expect(s.clock.now() - before).toBe(90_000);
    await run('mobile: lockDevice');
    expect(s.tree().children?.[0]?.id).toBe('screen-lock');
    expect(s.device.foreground).toBe(false);
    await run('mobile: unlockDevice');
    expect(s.device.foreground).toBe(true);
    await run('mobile: lockDevice', { seconds: 60 });
    expect([s.locked, s.clock.now() - before]).toEqual([false, 150_000]);
    await run('mobile: setPermission', { permission: 'camera', answer: 'deny' });
    await s.tap('tab-2fa');
    await s.tap('tfa-scan-qr');
    // The answer applies to the next prompt; camera was granted at first launch, and a grant is never asked again.
    expect(s.device.permissions.answers.get('camera')).toBe('deny');
    expect(s.screen).toBe('scanner');
    expect(await run('mobile: sms', { text: 'Your code: ABCD-123456' })).toMatchObject({
      messages: [{ from: 'MBS', text: 'Your code: ABCD-123456' }],
    });
  });

  it('answer the iOS deletion prompt as set, and report the prompts and Recently Deleted', async () => {
    const s = session('ios');
    const run = (name: string, params: unknown = {}) => runExecuteMethod(s, name, params);
    expect(await run('mobile: setDeleteConsent', { answer: 'deny' })).toEqual({ answer: 'deny' });
    const { ids } = (await run('mobile: addMedia', { kind: 'photo', count: 1, sizeBytes: 1000 })) as { ids: string[] };
    expect(s.device.askDeleteConsent(1)).toBe(false);
    await run('mobile: setDeleteConsent', { answer: 'allow' });
    expect(s.device.askDeleteConsent(1)).toBe(true);
    await run('mobile: deleteMedia', { ids });
    const info = (await run('mobile: deviceInfo')) as Record<string, unknown>;
    expect(info['deletePrompts']).toEqual([
      { count: 1, at: s.clock.now(), allowed: false },
      { count: 1, at: s.clock.now(), allowed: true },
    ]);
    expect(info['recentlyDeleted']).toEqual([
      { id: ids[0], name: 'IMG_0001.jpg', size: 1000, deletedAt: s.clock.now() },
    ]);
  });

  it('answer a refused scan in the result and the dialog, not as an error', async () => {
    const s = session();
    await s.tap('home-activate');
    const result = await runExecuteMethod(s, 'mobile: scanQr', { payload: 'https://example.com' });
    expect(result).toMatchObject({ ok: false, code: 'pairing-payload-invalid' });
    expect(s.message).toMatch(/not a pairing payload/);
    expect(await refusal(runExecuteMethod(s, 'mobile: scanQr', { payload: 'x' }))).toMatch(/^prompt-not-open:/);
  });
});
