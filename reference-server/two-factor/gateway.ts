/**
 * Where SMS and e-mail messages leave the server. A gateway is one function; the outbox (stored in SQLite, read by
 * `GET /v1/console/outbox` and `mbsc outbox`) records every message sent, and the webhook gateway posts each one
 * as JSON to a URL for a real SMS or mail service to take over. A gateway that fails throws `gateway-failed`, and
 * the caller then records nothing, so the user can simply try again.
 */
import { MbsError } from '../../conformance/spec/errors.js';
import type { OutboxMessage } from '../../conformance/spec/protocol/two-factor.js';
import type { Clock } from '../clock.js';
import type { Db } from '../store/db.js';

export interface OutgoingMessage {
  readonly channel: 'sms' | 'email';
  readonly to: string;
  /** An e-mail's sender, `Name <address>`. */
  readonly from?: string;
  readonly subject?: string;
  readonly text: string;
}

export type MessageGateway = (message: OutgoingMessage) => Promise<void>;

export function outboxGateway(db: Db, clock: Clock): MessageGateway {
  return async (message) => {
    db.prepare('INSERT INTO outbox (channel, recipient, sender, subject, text, sent_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      message.channel,
      message.to,
      message.from ?? null,
      message.subject ?? null,
      message.text,
      clock.now(),
    );
  };
}

/** How long a gateway may take to take a message, unless the server is told otherwise. */
export const DEFAULT_GATEWAY_TIMEOUT_MS = 10_000;

/** POSTs `body` as JSON; anything but a 2xx answer within the timeout is `gateway-failed`. */
export async function postJson(url: string, body: object, channel: string, timeoutMs: number): Promise<void> {
  let status: number;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    // Read to the end within the same deadline: a gateway that stalls mid-answer has not taken the message.
    await response.arrayBuffer();
  } catch (error) {
    throw new MbsError('gateway-failed', `The ${channel} gateway could not be reached: ${String(error)}.`);
  }
  if (status < 200 || status > 299) {
    throw new MbsError('gateway-failed', `The ${channel} gateway answered ${status}.`, { status });
  }
}

/** POSTs `{channel, to, from?, subject?, text}`. */
export function webhookGateway(url: string, timeoutMs = DEFAULT_GATEWAY_TIMEOUT_MS): MessageGateway {
  return (message) => postJson(url, message, message.channel, timeoutMs);
}

/**
 * Each channel through its webhook if it has one, and into the outbox: the protocol has every 2FA server list what
 * it sent there, so a message the webhook took is recorded too (one it refused is not).
 */
export function gatewayFor(
  db: Db,
  clock: Clock,
  webhooks: { sms?: string | undefined; email?: string | undefined },
  timeoutMs = DEFAULT_GATEWAY_TIMEOUT_MS,
): MessageGateway {
  const outbox = outboxGateway(db, clock);
  const through =
    (url: string | undefined): MessageGateway =>
    async (message) => {
      if (url) await webhookGateway(url, timeoutMs)(message);
      await outbox(message);
    };
  const gateways = { sms: through(webhooks.sms), email: through(webhooks.email) };
  return (message) => gateways[message.channel](message);
}

interface OutboxRow {
  seq: number;
  channel: 'sms' | 'email';
  recipient: string;
  sender: string | null;
  subject: string | null;
  text: string;
  sent_at: number;
}

export function listOutbox(db: Db, after: number, limit: number): { messages: OutboxMessage[]; last: number } {
  const rows = db.prepare('SELECT * FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?').all(after, limit) as OutboxRow[];
  const messages = rows.map((r): OutboxMessage => {
    const message: OutboxMessage = { seq: r.seq, channel: r.channel, to: r.recipient, text: r.text, sentAt: r.sent_at };
    if (r.sender !== null) message.from = r.sender;
    if (r.subject !== null) message.subject = r.subject;
    return message;
  });
  return { messages, last: rows.at(-1)?.seq ?? after };
}
