import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../../conformance/spec/errors.js';
import { renderProtocolMarkdown } from '../../../../conformance/spec/protocol/protocol-md.js';
import { ROUTES, ROUTE_NAMES } from '../../../../conformance/spec/protocol/routes.js';
import { anchorOf } from '../../../../conformance/spec/protocol/schema-md.js';
import { NAMED_SCHEMAS } from '../../../../conformance/spec/protocol/schema-names.js';
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

  it('writes each named schema once and refers to it elsewhere by its link', () => {
    for (const name of NAMED_SCHEMAS.keys()) {
      expect(committed.split(`<a id="${anchorOf(name)}"></a>`)).toHaveLength(2);
    }
    // The login's answer: one entry, and every login route links to it.
    expect(committed.match(/^### Login$/gm)).toHaveLength(1);
    expect(committed.match(/Success: 20\d, \[Login\]\(#schema-login\)/g)?.length).toBeGreaterThan(8);
    expect(committed.split('\n').length).toBeLessThan(2000);
  });
});
