// Makes `npm start` and `npm test` work in a fresh clone: installs the locked dependencies when they are missing
// or older than package-lock.json, then builds dist/ (build.mjs: incremental, so a second run costs a few seconds).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const marker = 'node_modules/.package-lock.json';

/** Whether node_modules lacks a locked package or holds another version of one (optional ones may be absent). */
function differsFromLock() {
  const locked = JSON.parse(readFileSync('package-lock.json', 'utf8')).packages;
  const installed = JSON.parse(readFileSync(marker, 'utf8')).packages;
  return Object.entries(locked).some(
    ([path, entry]) => path !== '' && (installed[path] ? installed[path].version !== entry.version : !entry.optional),
  );
}

// A lockfile newer than the install is only a hint: a fresh checkout beside an installed tree is newer too.
const stale =
  !existsSync(marker) || (statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs && differsFromLock());
if (stale) {
  console.error('mbsc: installing dependencies (npm ci)…');
  execFileSync(npm, ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}
execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
