/**
 * index.html as one self-contained file: the report data as JSON in a `<script type="application/json">`, the viewer
 * and its style inline, nothing fetched. Two defences against a hostile string in the data (a failure message may
 * hold `</script>`): every `<` in the embedded JSON is written as `\u003c`, so nothing in it can close the tag; and a
 * Content-Security-Policy allows only the two inline blocks by hash and no network at all, so even a missed escape
 * could neither run a script nor load anything.
 */
import { createHash } from 'node:crypto';
import type { ReportData } from './report-data.js';
import { viewerAssets, type ViewerAssets } from './viewer-assets.js';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * JSON that is safe inside a script element: `<` (so no `</script>` or `<!--`), `>` and `&` as JSON escapes, which
 * JSON.parse reads back unchanged; U+2028 and U+2029 too, for any reader that evaluates it as JavaScript.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function cspHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** `</style` or `</script` inside an asset would end its element early; our assets never hold one. */
function assertEmbeddable(asset: string, tag: 'script' | 'style'): void {
  if (new RegExp(`</${tag}`, 'i').test(asset)) throw new Error(`The viewer's ${tag} contains </${tag}.`);
}

export function htmlDocument(data: ReportData, assets: ViewerAssets = viewerAssets()): string {
  assertEmbeddable(assets.script, 'script');
  assertEmbeddable(assets.style, 'style');
  const { summary } = data;
  const title = `${summary.verdict.toUpperCase()}: mbsc conformance, ${summary.target.description}`;
  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(assets.script)}`,
    `style-src ${cspHash(assets.style)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mbsc ${escapeHtml(summary.kitVersion)}">
<title>${escapeHtml(title)}</title>
<style>${assets.style}</style>
</head>
<body>
<noscript><p>This report draws itself with JavaScript. The verdict is ${escapeHtml(summary.verdict.toUpperCase())};
summary.json beside this file holds every result.</p></noscript>
<main id="app" aria-live="polite"></main>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${assets.script}</script>
</body>
</html>
`;
}
