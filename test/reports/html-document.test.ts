import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlDocument, jsonForScript } from '../../reports/html/html-document.js';
import { reportData } from '../../reports/html/report-data.js';
import { viewerAssets, viewerAssetsDir } from '../../reports/html/viewer-assets.js';
import { HOSTILE, sampleSummary } from './sample-summary.js';

const data = reportData(sampleSummary(), new Date('2025-07-07T15:00:00Z'));
const html = htmlDocument(data);
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('index.html as a document', () => {
  it('embeds the data as JSON with no `<` in it, which parses back to the same data', () => {
    const match = /<script type="application\/json" id="report-data">([^]*?)<\/script>/.exec(html);
    expect(match).not.toBeNull();
    const embedded = match![1]!;
    expect(embedded).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(embedded)).toEqual(JSON.parse(JSON.stringify(data)));
    expect(jsonForScript({ s: HOSTILE.script })).toBe(
      JSON.stringify({ s: HOSTILE.script }).replace(/</g, '\\u003c').replace(/>/g, '\\u003e'),
    );
  });

  it('closes exactly the two script elements it opens, whatever the data holds', () => {
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html.match(/<\/style/gi)).toHaveLength(1);
  });

  it('allows only its own inline script and style, by hash, and no network at all', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!.replace(/&#39;/g, "'");
    const script = /<script>([^]*?)<\/script>/.exec(html)![1]!;
    const style = /<style>([^]*?)<\/style>/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${sha256(script)}`);
    expect(csp).toContain(`style-src ${sha256(style)}`);
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//i);
  });

  it('escapes what it writes into the markup itself', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html).toContain(`<title>FAIL: mbsc conformance, ${escapeHtml(data.summary.target.description)}</title>`);
  });

  it('finds the viewer files beside their source and inlines every part', () => {
    expect(viewerAssetsDir()).toMatch(/reports[/\\]html$/);
    const { script } = viewerAssets();
    for (const part of ['part 1 of 6', 'part 2 of 6', 'part 3 of 6', 'part 4 of 6', 'part 5 of 6', 'part 6 of 6']) {
      expect(script).toContain(part);
    }
  });
});
