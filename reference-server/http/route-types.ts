/** Handler types derived from the route table, so a handler cannot drift from the protocol it serves. */
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { RouteName, ROUTES, RouteSpec } from '../../conformance/spec/protocol/routes.js';
import type { DeviceRow } from '../store/rows.js';
import type { AuthenticatorRow } from '../two-factor/rows.js';

type Part<R, K extends string> = R extends { readonly [P in K]: infer S extends TSchema } ? Static<S> : undefined;

/** A streamed byte response (restore download). */
export interface BytesReply {
  readonly status: 200 | 206;
  readonly stream: Readable;
  readonly length: number;
  readonly headers: Readonly<Record<string, string>>;
}

export interface HandlerInput<R extends RouteSpec> {
  readonly params: Part<R, 'params'>;
  readonly query: Part<R, 'query'>;
  readonly headers: Part<R, 'headers'>;
  readonly body: R['body'] extends 'bytes' ? Readable : R['body'] extends TSchema ? Static<R['body']> : undefined;
  readonly device: R['auth'] extends 'device' ? DeviceRow : undefined;
  readonly authenticator: R['auth'] extends 'authenticator' ? AuthenticatorRow : undefined;
  readonly request: FastifyRequest;
}

export type HandlerOutput<R extends RouteSpec> = R['response'] extends 'bytes'
  ? BytesReply
  : R['response'] extends null
    ? void
    : R['response'] extends TSchema
      ? Static<R['response']>
      : never;

export type Handler<R extends RouteSpec> = (input: HandlerInput<R>) => HandlerOutput<R> | Promise<HandlerOutput<R>>;

export type Handlers = { readonly [K in RouteName]: Handler<(typeof ROUTES)[K]> };
