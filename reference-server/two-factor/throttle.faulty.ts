/** The self-test's faulty variants of throttling (throttle.ts): each bends one number or choice of its policy. */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
import type { ThrottleScope } from './throttle.js';

export const THROTTLE_FAULTS = {
  'throttles-from-fifth-failure': {
    // Four free failures, not five: the fifth attempt already waits.
    throttlePolicy: (rule) => () => ({ ...rule(), freeFailures: rule().freeFailures - 1 }),
  },
  'throttle-never-doubles': {
    // Every wait is the first one, however many failures follow.
    throttlePolicy: (rule) => () => ({ ...rule(), growth: 1 }),
  },
  'replayed-otp-not-counted': {
    // A replayed code is refused but costs nothing, so replays never throttle.
    throttlePolicy: (rule) => () => {
      const policy = rule();
      return { ...policy, counted: new Set([...policy.counted].filter((code) => code !== 'otp-replayed')) };
    },
  },
  'success-keeps-failure-count': {
    // A success lets the user in but leaves the earlier failures counted.
    throttlePolicy: (rule) => () => ({ ...rule(), successResets: false }),
  },
  'otp-throttle-unannounced': {
    // Throttled one-time passwords are refused without saying how long to wait; the other kinds still say it.
    throttlePolicy: (rule) => () => ({ ...rule(), unannounced: new Set<ThrottleScope>(['otp']) }),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
