/**
 * Renders PROTOCOL.md: the rules in prose (rules-*.ts), then every route, schema and error from the same data the
 * server and client use. test/conformance/spec/protocol/protocol-md.test.ts fails when the committed file is stale.
 */
import { APP_SIDE_CODES, ERROR_CODES, ERRORS } from '../errors.js';
import { CONVENTIONS_MD } from './rules-md.js';
import { BACKUP_MD } from './rules-backup-md.js';
import { TWO_FACTOR_MD } from './rules-two-factor-md.js';
import type { TSchema } from 'typebox';
import { CONFORMANCE_CLOCK_RULES } from './conformance-clock-md.js';
import { ROUTE_NAMES, ROUTES, type RouteSpec } from './routes.js';
import { schemasSection, typeText } from './schema-md.js';

function routeSection(name: string, spec: RouteSpec): string {
  const lines = [
    `### ${name}: \`${spec.method} ${spec.path}\``,
    '',
    spec.summary,
    '',
    `- Authentication: ${spec.auth}.`,
  ];
  const part = (title: string, schema: TSchema | 'bytes' | undefined) => {
    if (schema !== undefined) lines.push(`- ${title}: ${schema === 'bytes' ? 'the raw bytes' : typeText(schema)}.`);
  };
  if (spec.params) lines.push(`- Path: ${typeText(spec.params, spec.params)}.`);
  part('Query', spec.query);
  part('Headers', spec.headers);
  part('Body', spec.body);
  const answer = spec.response === null ? 'no body' : spec.response === 'bytes' ? 'the bytes' : typeText(spec.response);
  lines.push(`- Success: ${spec.status}, ${answer}.`);
  if (spec.errors.length > 0) lines.push(`- Errors: ${spec.errors.map((c) => `\`${c}\``).join(', ')}.`);
  return lines.join('\n');
}

export function renderProtocolMarkdown(): string {
  return [
    '# Mobile Backup Server protocol, version 1',
    '',
    'For people implementing a compatible server or app. Generated from `conformance/spec/protocol/` by',
    '`npm run docs:protocol`; the reference server serves the same routes as OpenAPI 3.1 at `GET /openapi.json`.',
    CONVENTIONS_MD,
    BACKUP_MD,
    TWO_FACTOR_MD,
    CONFORMANCE_CLOCK_RULES,
    '## Routes',
    '',
    '| route | method and path | auth | summary |',
    '| --- | --- | --- | --- |',
    ...ROUTE_NAMES.map(
      (n) => `| ${n} | \`${ROUTES[n].method} ${ROUTES[n].path}\` | ${ROUTES[n].auth} | ${ROUTES[n].summary} |`,
    ),
    '',
    ...ROUTE_NAMES.map((n) => `${routeSection(n, ROUTES[n])}\n`),
    schemasSection(),
    '',
    '## Error codes',
    '',
    '| code | status | meaning |',
    '| --- | --- | --- |',
    ...ERROR_CODES.map(
      (c) =>
        `| \`${c}\` | ${ERRORS[c].status} | ${ERRORS[c].message}${APP_SIDE_CODES.includes(c) ? " The app's own: no route answers it." : ''} |`,
    ),
    '',
  ].join('\n');
}
