/**
 * The web console: the desktop program's screens as plain HTML, CSS and JavaScript files kept in
 * reference-server/console/ (shipped in the package, nothing fetched from elsewhere), served at `/` and
 * `/console/<file>` under a Content-Security-Policy that allows only this server's own files: no inline script, no
 * other origin. The page is a client of the console routes alone; the console key is its sign-in and never enters
 * a URL. tsc copies no .js into dist/, so the folder is found by walking up from this module, from the sources and
 * from dist/ alike.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { MbsError } from '../../conformance/spec/errors.js';

export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Every file the page may load; anything else under /console/ is route-not-found. */
export const CONSOLE_FILES = [
  'index.html',
  'console.css',
  'app.js',
  'edition-screens.js',
  'api.js',
  'dom.js',
  'names.js',
  'countdown.js',
  'ticker.js',
  'qr.js',
  'mobile-backup.js',
  'add-or-migrate.js',
  'mode-labels.js',
  'original-devices.js',
  'pairing-outcome.js',
  'pairing-guidance.js',
  'outcome-words.js',
  'authentication.js',
  'login.js',
  'login-recovery.js',
  'code-sent-to.js',
  'setup-offer.js',
  'backups.js',
  'secret-key.js',
  'authenticator-row.js',
  'changes.js',
] as const;
export type ConsoleFile = (typeof CONSOLE_FILES)[number];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/** The straight rule: each file is served as itself (a faulty variant serves another in its place). */
export function consoleAsset(file: ConsoleFile): string {
  return file;
}

export function consoleAssetsDir(): string {
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'reference-server', 'console');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`No reference-server/console/index.html in ${start} or above it: the web console is missing.`);
}

const isConsoleFile = (name: string): name is ConsoleFile => (CONSOLE_FILES as readonly string[]).includes(name);

export function registerConsoleAssets(app: FastifyInstance, assetFor: typeof consoleAsset): void {
  const dir = consoleAssetsDir();
  const send = (file: ConsoleFile) => {
    const served = assetFor(file);
    return { body: readFileSync(path.join(dir, served)), type: TYPES[path.extname(file)] ?? 'text/plain' };
  };
  const headers = {
    'content-security-policy': CONSOLE_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
  app.get('/', (_request, reply) => {
    const { body, type } = send('index.html');
    return reply.headers(headers).type(type).send(body);
  });
  app.get<{ Params: { file: string } }>('/console/:file', (request, reply) => {
    const { file } = request.params;
    if (!isConsoleFile(file)) throw new MbsError('route-not-found', `No console file ${file}.`);
    const { body, type } = send(file);
    return reply.headers(headers).type(type).send(body);
  });
}
