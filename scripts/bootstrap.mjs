// Makes `npm start` and `npm test` work in a fresh clone: installs the locked dependencies when they are missing
// or older than package-lock.json, then builds dist/ (incremental, so a second run costs a second or two).
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  console.error('mbsc: installing dependencies (npm ci)…');
  execFileSync(npm, ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
