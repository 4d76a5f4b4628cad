import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../../conformance/spec/errors.js';
import { renderProtocolMarkdown } from '../../../../conformance/spec/protocol/protocol-md.js';
import { ROUTES, ROUTE_NAMES } from '../../../../conformance/spec/protocol/routes.js';
import { REPO_ROOT } from '../../../helpers/cli-process.js';

describe('PROTOCOL.md', () => {
  const committed = readFileSync(path.join(REPO_ROOT, 'conformance/spec/PROTOCOL.md'), 'utf8');

  it('is the rendering of the protocol data (run "npm run docs:protocol" after changing it)', () => {
    expect(committed).toBe(renderProtocolMarkdown());
  });

  it('documents every route and every error code', () => {
    for (const name of ROUTE_NAMES) expect(committed).toContain(`\`${ROUTES[name].method} ${ROUTES[name].path}\``);
    for (const code of ERROR_CODES) expect(committed).toContain(`| \`${code}\` |`);
  });
});
