/**
 * The push notification service (seed 000 §2.4: the server reaches it outbound on ports 80 and 443). With a push
 * webhook configured, each login's push request is POSTed there as JSON `{channel: "push", to, loginId, machine,
 * text}` before it is recorded: a service that is down, slow or failing is `502 gateway-failed` and nothing is
 * recorded. A login start asks whether the service can be reached at all (any HTTP answer to `HEAD` means the ports
 * are open); when it cannot, the login says so and offers the one-time password only. Without a webhook the app
 * fetches its notifications from the server, and the service is always reachable.
 */
import { postJson } from './gateway.js';

export interface PushMessage {
  readonly channel: 'push';
  /** The authenticator the request goes to. */
  readonly to: string;
  readonly loginId: string;
  /** The desktop machine's name, as "Approve request … from" shows it. */
  readonly machine: string;
  readonly text: string;
}

export interface PushGateway {
  deliver(message: PushMessage): Promise<void>;
  reachable(): Promise<boolean>;
}

export const IN_SERVER_PUSH: PushGateway = {
  deliver: async () => undefined,
  reachable: async () => true,
};

/** How long a login start waits for the push service to answer before it calls it unreachable. */
const PROBE_TIMEOUT_MS = 3_000;

export function webhookPush(url: string, timeoutMs: number): PushGateway {
  return {
    deliver: (message) => postJson(url, message, 'push', timeoutMs),
    async reachable() {
      try {
        const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
        await response.arrayBuffer();
        return true;
      } catch {
        return false;
      }
    },
  };
}

/**
 * What a backup job's start asks of the push service, which is on the internet: nothing. Backup and restore need
 * only the LAN the device shares with the server (seed 000 §1.2, RUN-02).
 */
export async function backupStartNotice(_gateway: PushGateway, _notice: { deviceId: string; machine: string }) {
  return Promise.resolve();
}

/** Whether a login may offer push: the push service answers. */
export function pushServiceReachable(gateway: PushGateway): Promise<boolean> {
  return gateway.reachable();
}

export function pushGatewayFor(url: string | undefined, timeoutMs: number): PushGateway {
  return url === undefined ? IN_SERVER_PUSH : webhookPush(url, timeoutMs);
}
