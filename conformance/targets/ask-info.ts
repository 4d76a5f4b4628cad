/**
 * `GET /v1/info`, asked the way every first contact with a server asks it: a few tries, each with its own deadline,
 * again only when no answer came. A server the runner has just started on a busy machine can take longer than one
 * deadline to answer its first request; a server that refuses the connection fails each try at once. An answer,
 * even an error, is the server's own and is never asked again.
 */
import type { Static } from 'typebox';
import type { ServerInfo } from '../spec/protocol/resources.js';
import { ClientError, type ClientErrorCode } from '../spec/errors.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';

const INFO_TRIES = 3;
const INFO_DEADLINE_MS = 10_000;
/** Between two tries: a server still starting may refuse connections for a moment. */
const INFO_PAUSE_MS = 500;
/** What is worth another try: no answer in time, or no connection. */
const RETRIED: readonly ClientErrorCode[] = ['timeout', 'unreachable'];

export type InfoAnswer =
  { readonly info: Static<typeof ServerInfo> } | { readonly error: ClientError; readonly tries: number };

export async function askInfo(url: string): Promise<InfoAnswer> {
  const client = new MbsClient({ baseUrl: url, timeoutMs: INFO_DEADLINE_MS });
  for (let tries = 1; ; tries++) {
    try {
      return { info: await client.call('getInfo') };
    } catch (thrown) {
      const error =
        thrown instanceof ClientError
          ? thrown
          : new ClientError(
              'protocol-violation',
              `GET /v1/info: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
            );
      if (tries >= INFO_TRIES || !RETRIED.includes(error.code)) return { error, tries };
    }
    await new Promise((resolve) => setTimeout(resolve, INFO_PAUSE_MS));
  }
}

/** How a failed ask reads in a reason: how many tries, and the last one's message. */
export function infoFailure(answer: { readonly error: ClientError; readonly tries: number }): string {
  return `${answer.tries} ${answer.tries === 1 ? 'try' : 'tries'}, the last: ${answer.error.message}`;
}
