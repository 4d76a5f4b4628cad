/**
 * One fresh "Forgot password" e-mail code typed several times at once (REC-14): at most one may reset the lock, and
 * one must. The losing ones may leave failures on the server's count: a fresh reset then ends them.
 */
import { AT_ONCE } from '../../../kit/at-once.js';
import type { LoginUnderWay } from '../common/actors.js';
import { leftFailures, presentedAtOnce } from '../common/at-once.js';
import { mustPass } from '../common/support.js';
import { forgot, reset } from './forgot-mail.js';

export async function codeAtOnce(login: Omit<LoginUnderWay, 'loginId'>): Promise<void> {
  const f = await forgotOn(login);
  const { digits } = (await forgot(f)).mail;
  const outcomes = await presentedAtOnce(
    'email',
    digits,
    Array.from({ length: AT_ONCE }, () => () => reset(f, digits)),
    ['PWL-10'],
  );
  // One reset more resets the count the losing ones may have left.
  if (leftFailures(outcomes)) {
    const again = await forgotOn(login);
    await mustPass(reset(again, (await forgot(again)).mail.digits), ['PWL-10'], 'a fresh e-mail code after those');
  }
}

async function forgotOn(login: Omit<LoginUnderWay, 'loginId'>): Promise<LoginUnderWay> {
  const { loginId } = await login.desk.call('startLogin', { body: {} });
  return { ...login, loginId };
}
