/**
 * The viewer's scripts and style, plain files kept beside this module's source so they are linted and read as what
 * they are, inlined into index.html as one script and one style. tsc copies no .js or .css into dist/, so, as devices/load-profiles.ts does for its JSON, the folder is
 * found by walking up from this module to the first `reports/html/viewer.js`: from the sources (vitest) and from
 * dist/ alike, preferring a copy in dist/ if a build step ever adds one.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The viewer's parts in the order they run: each adds to window.mbscViewer, and viewer.js draws the page. */
export const VIEWER_SCRIPTS = [
  'viewer-dom.js',
  'viewer-header.js',
  'viewer-findings.js',
  'viewer-matrix.js',
  'viewer-charts.js',
  'viewer.js',
] as const;
const VIEWER_SCRIPT = 'viewer.js';
export const VIEWER_STYLE = 'viewer.css';

export interface ViewerAssets {
  readonly script: string;
  readonly style: string;
}

let cached: ViewerAssets | undefined;

export function viewerAssetsDir(): string {
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'reports', 'html');
    if (existsSync(path.join(candidate, VIEWER_SCRIPT))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`No reports/html/${VIEWER_SCRIPT} in ${start} or any folder above it: the HTML viewer is missing.`);
}

export function viewerAssets(): ViewerAssets {
  if (cached) return cached;
  const dir = viewerAssetsDir();
  cached = {
    script: VIEWER_SCRIPTS.map((name) => readFileSync(path.join(dir, name), 'utf8')).join('\n'),
    style: readFileSync(path.join(dir, VIEWER_STYLE), 'utf8'),
  };
  return cached;
}
