/** Ports per edition, discovery and the push service's network needs (seed 000 §2.4, §2.5, §6.2.1, §7.1). */
import type { Requirement } from './types.js';

const PORTS_AS_WRITTEN =
  'DESIGN.md: ranges are taken as written; TCP and UDP are separate port spaces; the default is the first port of each range.';

const PROTOCOL_RULE =
  'A rule of protocol v1 (PROTOCOL.md), which the seeds leave to it: they say only that the protocol is HTTP over the server’s TCP port.';

export const NET_REQUIREMENTS = [
  {
    id: 'NET-01',
    statement:
      'The Pro edition serves mobile backup on a TCP port in 50000–50099 (default 50000) and a UDP port in 50200–50299 (default 50200).',
    level: 'MUST',
    appliesTo: ['server', 'pro'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5' },
    interpretation: PORTS_AS_WRITTEN,
  },
  {
    id: 'NET-02',
    statement:
      'The Lite edition serves mobile backup on a TCP port in 51000–51299 (default 51000) and a UDP port in 51200–51299 (default 51200).',
    level: 'MUST',
    appliesTo: ['server', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5' },
    interpretation: `${PORTS_AS_WRITTEN} The Lite TCP range is wider than the others and overlaps its UDP numbers; it stays as written.`,
  },
  {
    id: 'NET-03',
    statement:
      'The Home edition serves mobile backup on a TCP port in 52000–52099 (default 52000) and a UDP port in 52200–52299 (default 52200).',
    level: 'MUST',
    appliesTo: ['server', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5' },
    interpretation: PORTS_AS_WRITTEN,
  },
  {
    id: 'NET-04',
    statement: 'When a default port is busy, the server takes the next free port of the same range.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5' },
    interpretation:
      'The seed only says the actual ports may differ from the defaults; DESIGN.md settles on the next free port in range.',
  },
  {
    id: 'NET-05',
    statement:
      'The server never uses a mobile backup port outside its edition’s ranges; with no free port in range it reports an error.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5' },
    interpretation:
      'The firewall rules the seed asks for cover only the ranges, so a port outside them is a failure; the error is ours.',
  },
  {
    id: 'NET-06',
    statement: 'The mobile backup protocol is HTTP over the server’s TCP port.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5' },
  },
  {
    id: 'NET-07',
    statement:
      'The pairing screen shows the TCP and UDP ports the server actually uses, which may differ from the defaults.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5' },
  },
  {
    id: 'NET-08',
    statement:
      'A server found by automatic discovery on the LAN reports its actual TCP port, and the app connects to that port.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.1' },
    interpretation:
      '"Automatically locate backup client machine" is discovery over the edition’s UDP port; DESIGN.md: it reports actual ports.',
  },
  {
    id: 'NET-09',
    statement:
      'Push sign-in needs outbound ports 80 and 443 from the server to the push service; with them blocked, push approval is unavailable.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.4' },
  },
  {
    id: 'NET-10',
    statement:
      'A server that advertises the conformance clock moves it as told, and refuses the clock routes when not in conformance mode.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5' },
    interpretation:
      'The conformance clock is protocol v1’s (PROTOCOL.md), not the seeds’: the way a kit judges the seeds’ lifetimes and waits without waiting for them.',
  },
  {
    id: 'NET-11',
    statement:
      'No request makes the server answer 5xx; every refusal is { code, message, details? } with a catalogued code, sent with the catalogue’s status, and one its route may answer.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5' },
    interpretation: PROTOCOL_RULE,
  },
  {
    id: 'NET-12',
    statement:
      'A JSON body with a key its schema does not know or a value of another type is refused with 400 invalid-request (or invalid-name) and changes nothing.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5' },
    interpretation: PROTOCOL_RULE,
  },
  {
    id: 'NET-13',
    statement:
      'A route whose body schema is empty takes {} as JSON; without a content type it answers 415 unsupported-media-type, with the JSON type and no bytes 400 invalid-json.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5' },
    interpretation: PROTOCOL_RULE,
  },
  {
    id: 'NET-14',
    statement:
      'A request with several faults gets the error of the first in protocol order: route, edition, authentication, body syntax, schema, then the route’s own rules.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5' },
    interpretation: PROTOCOL_RULE,
  },
  {
    id: 'NET-15',
    statement:
      'A restore download resumes with Range: bytes=N-: 206 with Content-Range below the size, 200 and the whole item from 0, 416 range-not-satisfiable with the size from the size on.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5' },
    interpretation: PROTOCOL_RULE,
  },
] as const satisfies readonly Requirement[];
