/** Builds the OpenAPI 3.1 document from the route table; the reference server serves it at GET /openapi.json. */
import { ERRORS, type ErrorCode } from '../errors.js';
import { ErrorResponse } from './common.js';
import { PROTOCOL_VERSION } from './pairing.js';
import { ROUTE_NAMES, ROUTES, type RouteSpec } from './routes.js';

type Json = Record<string, unknown>;

const SECURITY: Record<RouteSpec['auth'], Json[]> = {
  none: [],
  device: [{ deviceKey: [] }],
  console: [{ consoleKey: [] }],
  authenticator: [{ authenticatorKey: [] }],
};

function parameters(spec: RouteSpec): Json[] {
  const out: Json[] = [];
  const add = (where: 'path' | 'query' | 'header', schema: unknown) => {
    const object = schema as { properties?: Record<string, Json>; required?: string[] } | undefined;
    for (const [name, property] of Object.entries(object?.properties ?? {})) {
      out.push({
        name,
        in: where,
        required: where === 'path' || (object?.required ?? []).includes(name),
        schema: property,
      });
    }
  };
  add('path', spec.params);
  add('query', spec.query);
  add('header', spec.headers);
  return out;
}

function errorResponses(codes: readonly ErrorCode[]): Json {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of ['invalid-request', ...codes] as ErrorCode[]) {
    const status = ERRORS[code].status;
    byStatus.set(status, [...new Set([...(byStatus.get(status) ?? []), code])]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      String(status),
      {
        description: list.map((c) => `\`${c}\`: ${ERRORS[c].message}`).join(' '),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );
}

function operation(name: string, spec: RouteSpec): Json {
  const op: Json = {
    operationId: name,
    tags: [spec.group],
    summary: spec.summary,
    security: SECURITY[spec.auth],
    parameters: parameters(spec),
  };
  if (spec.body === 'bytes') {
    op.requestBody = {
      required: true,
      content: {
        'application/offset+octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } },
      },
    };
  } else if (spec.body) {
    op.requestBody = { required: true, content: { 'application/json': { schema: spec.body } } };
  }
  const success: Json =
    spec.response === null
      ? { description: 'No content.' }
      : spec.response === 'bytes'
        ? { description: 'The item bytes.', content: { 'application/octet-stream': { schema: { type: 'string' } } } }
        : { description: 'Success.', content: { 'application/json': { schema: spec.response } } };
  op.responses = { [String(spec.status)]: success, ...errorResponses(spec.errors) };
  return op;
}

export function buildOpenApi(serverUrl?: string): Json {
  const paths: Record<string, Json> = {};
  for (const name of ROUTE_NAMES) {
    const spec: RouteSpec = ROUTES[name];
    const path = spec.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    paths[path] = { ...paths[path], [spec.method.toLowerCase()]: operation(name, spec) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Mobile Backup Server protocol',
      version: `${PROTOCOL_VERSION}.0.0`,
      description: 'Protocol v1 between the mobile app and a Mobile Backup Server. See PROTOCOL.md for the rules.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: {
      schemas: { Error: ErrorResponse },
      securitySchemes: {
        deviceKey: { type: 'http', scheme: 'bearer', description: 'The deviceKey returned by POST /v1/pair.' },
        consoleKey: { type: 'apiKey', in: 'header', name: 'x-mbs-console-key', description: 'The desktop side.' },
        authenticatorKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'The authenticatorKey returned when the app registered for 2FA.',
        },
      },
    },
  };
}
