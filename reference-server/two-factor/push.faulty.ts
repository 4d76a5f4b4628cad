/** The self-test's faulty variants of push approval (push.ts). */
import { MbsError } from '../../conformance/spec/errors.js';
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
import { afterRoundTrip } from '../services/round-trip.js';
import { sendPush } from './push.js';
import { allAuthenticators } from './authenticators.js';
import type { PushRow } from './rows.js';

export const PUSH_FAULTS = {
  'push-needs-recovery-phone': {
    // Sends a login's push only to a device with a recovery phone, as if push were for accounts that can recover.
    sendLoginPush: (rule) => (ctx, loginId, authenticator) => {
      if (!authenticator.recovery_phone) throw new MbsError('push-unavailable', 'Register a recovery phone first.');
      return rule(ctx, loginId, authenticator);
    },
  },
  'push-answered-twice-at-once': {
    // Reads the request, then waits on a round trip before checking it is pending and writing the answer.
    pushToAnswer: (rule) => (ctx, requestId) => afterRoundTrip(rule(ctx, requestId)),
  },
  'late-push-approved': {
    // Reads every answer as if it came inside the request's lifetime.
    answeredStatus: (rule) => (row, now) => rule(row, Math.min(now, row.expires_at - 1)),
  },
  'resend-keeps-old-push': {
    // Resend sends a new request and leaves the earlier one pending.
    sendLoginPush: () => sendPush,
  },
  'push-answered-by-other-authenticator': {
    // Takes an answer from any registered app, not only the one the request went to.
    mayAnswerPush: () => () => true,
  },
  'push-lives-4-minutes': {
    // A request expires a minute early.
    pushLifetimeMs: (rule) => () => rule() - 60_000,
  },
  'rejected-push-logs-in': {
    // Any answer ends the wait as a login, a rejection included.
    loginStateAfterAnswer: () => () => 'logged-in',
  },
  'notifications-ignore-after': {
    // Every page starts from the authenticator's first request.
    listNotifications: (rule) => (ctx, authenticator, _after, limit) => rule(ctx, authenticator, 0, limit),
  },
  'push-approved-twice': {
    // An approved request reads as pending to the next answer, so approving it again is taken again.
    answeredStatus: (rule) => (row, now) => {
      const status = rule(row, now);
      return status === 'approved' ? 'pending' : status;
    },
  },
  'push-notification-expiry-overstated': {
    // The app is told each request expires a minute later than it does (and than the desktop is told).
    listNotifications: (rule) => (ctx, authenticator, after, limit) => {
      const page = rule(ctx, authenticator, after, limit);
      return { ...page, notifications: page.notifications.map((n) => ({ ...n, expiresAt: n.expiresAt + 60_000 })) };
    },
  },
  'push-sent-to-first-device': {
    // Sends the request to the push device registered first, whichever device's option the login chose.
    sendLoginPush: (rule) => (ctx, loginId, authenticator) =>
      rule(ctx, loginId, allAuthenticators(ctx).find((a) => a.push === 1) ?? authenticator),
  },
  'resent-push-approval-ignored': {
    // Logs the login in by the first request it sent, as though Resend kept it (a rejection still finds the one
    // answered): after Resend, approving the request the app shows leaves the desktop waiting.
    moveAnsweredLogin: (rule) => (ctx, row, state, now) => {
      const first = ctx.db
        .prepare('SELECT * FROM tfa_push_requests WHERE login_id = ? ORDER BY sent_at, rowid')
        .get(row.login_id) as PushRow;
      rule(ctx, state === 'logged-in' ? first : row, state, now);
    },
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
