/**
 * One push request answered by several approvals and rejections at once (PUSH-10): at most one answer may take.
 * A fresh device gets a request from a fresh login; AT_ONCE answers from it, approvals (with the number shown, under
 * number matching) and rejections in turn, all go before any answer comes back.
 */
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { Violation } from '../../../kit/violation.js';
import { AT_ONCE } from '../../../kit/at-once.js';
import { presentedAtOnce } from '../common/at-once.js';
import { registerByQr } from '../common/actors.js';

export async function answeredAtOnce(desk: MbsClient, url: string): Promise<void> {
  const a = await registerByQr(desk, url, 'Push at once');
  const { loginId } = await desk.call('startLogin', { body: {} });
  const sent = await desk.call('loginPush', { params: { loginId }, body: { authenticatorId: a.id } });
  if (!sent.push) throw new Violation(['PUSH-01'], `after sending a push request the login shows none`);
  const { requestId, number } = sent.push;
  const answers = Array.from({ length: AT_ONCE }, (_, i) =>
    i % 2 === 0
      ? { decision: 'approve' as const, ...(number === undefined ? {} : { number }) }
      : { decision: 'reject' as const },
  );
  await presentedAtOnce(
    'push',
    requestId,
    answers.map((body) => () => a.client.call('answerPush', { params: { requestId }, body })),
    ['PUSH-03', 'PUSH-06'],
  );
}
