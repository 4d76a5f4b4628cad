/** GET /openapi.json: an OpenAPI 3.1 document with every route of protocol v1, its parameters and its errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../conformance/spec/errors.js';
import { ROUTES, ROUTE_NAMES } from '../../conformance/spec/protocol/routes.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

interface Operation {
  operationId: string;
  parameters: { name: string; in: string; required: boolean }[];
  responses: Record<string, { description: string }>;
  requestBody?: { content: Record<string, unknown> };
}

let t: TestServer;
let doc: { openapi: string; paths: Record<string, Record<string, Operation>>; servers: { url: string }[] };
beforeAll(async () => {
  t = await startTestServer('pro');
  doc = (await t.console.call('getOpenApi')) as typeof doc;
});
afterAll(async () => t.close());

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and names the server it came from', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0]?.url).toBe(t.server.url);
  });

  it('has every route with its path parameters, body and each catalogued error under its status', () => {
    for (const name of ROUTE_NAMES) {
      const spec = ROUTES[name];
      const path = spec.path.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[spec.method.toLowerCase()];
      expect(op, `${spec.method} ${path}`).toBeDefined();
      if (!op) continue;
      expect(op.operationId).toBe(name);
      for (const param of spec.path.match(/:(\w+)/g) ?? []) {
        expect(op.parameters).toContainEqual(
          expect.objectContaining({ name: param.slice(1), in: 'path', required: true }),
        );
      }
      expect(op.requestBody !== undefined).toBe('body' in spec);
      expect(Object.keys(op.responses)).toContain(String(spec.status));
      for (const code of spec.errors) {
        expect(op.responses[String(ERRORS[code].status)]?.description, `${name} ${code}`).toContain(`\`${code}\``);
      }
    }
  });
});
