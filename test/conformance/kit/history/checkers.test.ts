import { describe, expect, it } from 'vitest';
import { formatAnomaly } from '../../../../conformance/kit/history/anomaly.js';
import { checkHistory, CHECKERS } from '../../../../conformance/kit/history/checkers.js';
import { judgeHistory } from '../../../../conformance/kit/history/judge.js';
import { Violation } from '../../../../conformance/kit/violation.js';
import { HistoryRecorder, type ListedItem, type OpValue } from '../../../../conformance/kit/history/history.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const listed = (sha: string, size = 10): ListedItem => ({ sha256: sha, size, tab: 'recent' });

/** A hand-made history: each step an operation that ends before the next begins, unless given as open. */
function history(steps: readonly (readonly [string, OpValue, 'ok' | 'fail' | 'info', OpValue?])[]) {
  const recorder = new HistoryRecorder();
  for (const [process, value, type, completion] of steps) recorder.invoke(process, value)(type, completion);
  return recorder.history;
}

const upload = (sha: string, size = 10, sent = size): OpValue => ({ f: 'upload', sha256: sha, size, sent });
const list = (...items: ListedItem[]): OpValue => ({ f: 'list', items });

describe('history checkers', () => {
  it('pass a history where every acknowledged item is listed and restores', () => {
    const h = history([
      ['p', upload(A), 'ok'],
      ['nemesis', { f: 'nemesis', fault: 'kill' }, 'info'],
      ['p', { f: 'list' }, 'ok', list(listed(A))],
      ['p', { f: 'read', sha256: A }, 'ok', { f: 'read', sha256: A, gotSha256: A, gotSize: 10 }],
    ]);
    expect(checkHistory(h)).toEqual([]);
  });

  it('name an acknowledged item a later listing lacks, with the ack and that listing as witness', () => {
    const h = history([
      ['p', upload(A), 'ok'],
      ['nemesis', { f: 'nemesis', fault: 'kill' }, 'info'],
      ['p', { f: 'list' }, 'ok', list()],
    ]);
    const [found] = CHECKERS['acknowledged-kept'](h);
    expect(found?.witness.map((op) => op.index)).toEqual([1, 5]);
    expect(formatAnomaly(found!)).toMatch(
      /acknowledged-kept: acknowledged item aaaaaaaaaaaa not listed\n {2}#1 p ok upload/,
    );
  });

  it('list the faults injected between the operations of a witness, and no others', () => {
    const h = history([
      ['nemesis', { f: 'nemesis', fault: 'partition' }, 'info'],
      ['p', upload(A), 'ok'],
      ['nemesis', { f: 'nemesis', fault: 'kill and restart the server' }, 'info'],
      ['p', { f: 'list' }, 'ok', list()],
      ['nemesis', { f: 'nemesis', fault: 'heal' }, 'info'],
    ]);
    const [found] = checkHistory(h, ['acknowledged-kept']);
    expect(found?.witness.map((op) => op.index)).toEqual([3, 5, 7]);
    expect(formatAnomaly(found!)).toMatch(
      /#3 p ok upload.*\n {2}#5 nemesis info nemesis fault=kill and restart the server\n {2}#7 p ok list/,
    );
  });

  it('name an acknowledged item restored with other bytes', () => {
    const h = history([
      ['p', upload(A), 'ok'],
      ['p', { f: 'read', sha256: A }, 'ok', { f: 'read', sha256: A, gotSha256: B, gotSize: 10 }],
    ]);
    expect(CHECKERS['acknowledged-kept'](h)[0]?.message).toMatch(/restored other bytes/);
  });

  it('allow a listing that began before the acknowledgement to lack it', () => {
    const recorder = new HistoryRecorder();
    const listing = recorder.invoke('p', { f: 'list' });
    recorder.invoke('p', upload(A))('ok');
    listing('ok', list());
    expect(CHECKERS['acknowledged-kept'](recorder.history)).toEqual([]);
  });

  it('name an item listed before all its bytes were sent, and one listed at a partial size', () => {
    const cut = history([
      ['p', upload(A, 10, 4), 'info'],
      ['p', { f: 'list' }, 'ok', list(listed(A))],
    ]);
    expect(CHECKERS['no-partial-item'](cut)[0]?.message).toMatch(/listed before all its bytes were sent/);
    const short = history([
      ['p', upload(A, 10), 'info'],
      ['p', { f: 'list' }, 'ok', list(listed(A, 4))],
    ]);
    expect(CHECKERS['no-partial-item'](short)[0]?.message).toMatch(/listed at 4 of its 10 bytes/);
  });

  it('allow an item whose answer was dropped once all its bytes went out', () => {
    const h = history([
      ['p', upload(A, 10, 10), 'info'],
      ['p', { f: 'list' }, 'ok', list(listed(A))],
    ]);
    expect(CHECKERS['no-partial-item'](h)).toEqual([]);
  });

  it('name a job that counts more items than landed', () => {
    const h = history([
      ['p', upload(A), 'ok'],
      ['p', upload(B, 10, 3), 'info'],
      ['p', { f: 'commit' }, 'ok', { f: 'commit', counted: 2 }],
    ]);
    expect(CHECKERS['no-partial-item'](h)[0]?.message).toMatch(/counted 2 items, at most 1 landed/);
  });

  it('name a removed device whose items come back, and an abandoned upload that comes back', () => {
    const removed = history([
      ['p', upload(A), 'ok'],
      ['p', { f: 'remove-device' }, 'ok'],
      ['nemesis', { f: 'nemesis', fault: 'kill' }, 'info'],
      ['p', { f: 'list' }, 'ok', list(listed(A))],
    ]);
    const [back] = CHECKERS['no-resurrection'](removed);
    expect(back?.requirements).toEqual(['RFE-10']);
    expect(back?.witness.map((op) => op.value.f)).toEqual(['remove-device', 'list']);
    // The acknowledged item is no loss once its device was removed.
    expect(CHECKERS['acknowledged-kept'](removed)).toEqual([]);
    const cancelled = history([
      ['p', upload(A, 10, 4), 'info'],
      ['p', { f: 'cancel', sha256: A }, 'ok'],
      ['p', { f: 'list' }, 'ok', list(listed(A))],
    ]);
    expect(CHECKERS['no-resurrection'](cancelled)[0]?.message).toMatch(/abandoned upload aaaaaaaaaaaa came back/);
  });

  it('name free up space removing an item the server never confirmed', () => {
    const h = history([
      ['p', upload(A), 'ok'],
      ['p', upload(B, 10, 5), 'info'],
      ['p', { f: 'free-up', removed: [A, B] }, 'ok'],
    ]);
    const [found] = CHECKERS['freed-only-confirmed'](h);
    expect(found?.message).toBe('removed unconfirmed item(s) bbbbbbbbbbbb');
    expect(found?.witness).toHaveLength(1);
  });

  it('name a code accepted twice, and pass one refused the second time', () => {
    const code: OpValue = { f: 'code', kind: 'totp', code: '123456' };
    expect(
      CHECKERS['accepted-once'](
        history([
          ['p', code, 'ok'],
          ['p', code, 'fail'],
        ]),
      ),
    ).toEqual([]);
    const [twice] = CHECKERS['accepted-once'](
      history([
        ['p', code, 'ok'],
        ['p', code, 'ok'],
      ]),
    );
    expect(twice?.requirements).toEqual(['TOTP-12']);
    expect(twice?.witness.map((op) => op.index)).toEqual([1, 3]);
  });

  it('fail the judgement of a history where an SMS code and a push approval are each accepted twice', () => {
    const sms: OpValue = { f: 'code', kind: 'sms', code: '482913' };
    const push: OpValue = { f: 'code', kind: 'push', code: 'req-1' };
    const h = history([
      ['login', sms, 'ok'],
      ['login', push, 'ok'],
      ['login', sms, 'ok'],
      ['login', push, 'ok'],
    ]);
    let thrown: unknown;
    try {
      judgeHistory(h, ['accepted-once']);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Violation);
    const violation = thrown as Violation;
    expect(violation.requirements).toEqual(['REC-14', 'PUSH-10']);
    expect(violation.message).toContain('sms code 482913 accepted twice');
    expect(violation.message).toContain('push code req-1 accepted twice');
    // The witness is the first acceptance and the second, nothing between them.
    expect(violation.message).toContain(
      '#1 login ok code kind=sms code=482913\n  #5 login ok code kind=sms code=482913',
    );
    expect(() => judgeHistory(h, ['migration-keeps-all'])).not.toThrow();
  });

  it('settle an answer as ok or fail and pass it on unchanged', async () => {
    const recorder = new HistoryRecorder();
    const code: OpValue = { f: 'code', kind: 'email', code: '111111' };
    await expect(recorder.settle('p', code, Promise.resolve('accepted'))).resolves.toBe('accepted');
    await expect(recorder.settle('p', code, Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(recorder.history.map((op) => `${op.type}${op.invokedAt ?? ''}`)).toEqual([
      'invoke',
      'ok0',
      'invoke',
      'fail2',
    ]);
  });

  it('name an item a migration lost', () => {
    const h = history([
      ['old', upload(A), 'ok'],
      ['old', upload(B), 'ok'],
      ['old', { f: 'migrate', to: 'new' }, 'ok'],
      ['new', { f: 'list' }, 'ok', list(listed(A))],
    ]);
    const [lost] = CHECKERS['migration-keeps-all'](h);
    expect(lost?.message).toBe('item bbbbbbbbbbbb lost in migration');
    expect(lost?.witness.map((op) => op.value.f)).toEqual(['upload', 'migrate', 'list']);
  });
});
