/** The self-test's faulty variants of the push service's reachability and use (push-gateway.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const PUSH_GATEWAY_FAULTS = {
  'push-offered-without-service': {
    // Never asks the push service: every login offers push approval, reachable or not.
    pushServiceReachable: () => async () => true,
  },
  'backup-start-pushed': {
    // Tells the phone through the push notification service that its backup started, and fails the job's start when
    // that service cannot be reached: a device and server that share only a LAN back up nothing.
    backupStartNotice: () => (gateway, notice) =>
      gateway.deliver({
        channel: 'push',
        to: notice.deviceId,
        loginId: '',
        machine: notice.machine,
        text: `Backup started on ${notice.machine}`,
      }),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
