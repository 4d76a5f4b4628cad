/**
 * A failure's HTTP exchanges as plain text, for the console, JUnit's failure text and Allure's attachment: one line
 * per exchange (method, path, status), then its headers and bodies indented, oldest first as they happened. The
 * bodies were masked and cut when the runner recorded them (conformance/runner/exchange-view.ts).
 */
import type { Exchange, Failure } from '../conformance/runner/summary-schema.js';

export interface ExchangeTextOptions {
  /** Show only the last this many (the console's), saying how many more the summary holds. */
  readonly last?: number;
  /** Headers too (the files' text); the console shows bodies only. */
  readonly headers?: boolean;
}

export function exchangeLines(failure: Failure, options: ExchangeTextOptions = {}): string[] {
  const all = failure.exchanges ?? [];
  if (all.length === 0) return [];
  const shown = options.last === undefined ? all : all.slice(-options.last);
  const hidden = all.length - shown.length;
  const notes = [
    hidden > 0 ? `${hidden} earlier in summary.json` : '',
    failure.earlierExchanges ? `${failure.earlierExchanges} earlier not kept` : '',
  ].filter((note) => note !== '');
  const title = `HTTP exchanges of the failing attempt${notes.length > 0 ? ` (${notes.join('; ')})` : ''}:`;
  const first = all.length - shown.length + 1;
  return [title, ...shown.flatMap((exchange, i) => oneExchange(exchange, first + i, options.headers ?? true))];
}

/** `POST /v1/pair → 409`, or what came instead of an answer. */
export function exchangeHeadline(exchange: Exchange): string {
  const answer =
    exchange.status !== undefined ? String(exchange.status) : `no answer (${exchange.error ?? 'none came'})`;
  return `${exchange.method} ${exchange.path} → ${answer}`;
}

function oneExchange(exchange: Exchange, number: number, headers: boolean): string[] {
  const lines = [`  ${number}. ${exchangeHeadline(exchange)}`];
  const detail = (label: string, text: string | undefined) => {
    if (text !== undefined && text !== '') lines.push(`       ${label} ${text}`);
  };
  if (headers) detail('> headers:', headerText(exchange.requestHeaders));
  detail('> body:', exchange.requestBody);
  if (headers) detail('< headers:', headerText(exchange.responseHeaders));
  detail('< body:', exchange.responseBody);
  if (exchange.status !== undefined) detail('! error:', exchange.error);
  return lines;
}

function headerText(headers: Readonly<Record<string, string>> | undefined): string | undefined {
  if (!headers) return undefined;
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('; ');
}
