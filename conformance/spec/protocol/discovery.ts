/**
 * UDP discovery: the app sends a request datagram to the edition's UDP port; a server answers to the sender with its
 * id, edition, host and actual ports. Datagrams are single JSON objects; anything else is ignored, never answered.
 */
import Type, { type Static, type TSchema } from 'typebox';
import Value from 'typebox/value';
import { EditionSchema, Id, Port } from './common.js';
import { PROTOCOL_VERSION } from './pairing.js';

export const MAX_DATAGRAM_BYTES = 1024;

export const DiscoveryRequest = Type.Object({
  type: Type.Literal('mbs.discover'),
  v: Type.Literal(PROTOCOL_VERSION),
  nonce: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
  edition: Type.Optional(EditionSchema),
});
export type DiscoveryRequest = Static<typeof DiscoveryRequest>;

export const DiscoveryAnswer = Type.Object({
  type: Type.Literal('mbs.announce'),
  v: Type.Literal(PROTOCOL_VERSION),
  nonce: Type.String(),
  serverId: Id,
  name: Type.String({ maxLength: 128 }),
  edition: EditionSchema,
  host: Type.String(),
  tcpPort: Port,
  udpPort: Port,
});
export type DiscoveryAnswer = Static<typeof DiscoveryAnswer>;

/** Parses a datagram as T, or undefined when it is not one (garbage, oversized, wrong type). */
export function parseDatagram<S extends TSchema>(schema: S, bytes: Uint8Array): Static<S> | undefined {
  if (bytes.byteLength > MAX_DATAGRAM_BYTES) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return Value.Check(schema, value) ? value : undefined;
  } catch {
    return undefined;
  }
}
