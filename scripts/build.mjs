// Builds dist/: compiles the sources (tsc, incremental), then gives the compiled code TypeBox as one bundle.
//
// TypeBox ships as about 700 small ES modules, and every process and thread that loads the protocol's schemas paid
// for resolving, reading and linking each one: about 0.45 s of CPU, twice in a run (the kit's thread and the
// reference servers'), a third of a small run's CPU. Bundled (rolldown), the same code loads in about 0.06 s. The
// bundle is made from the installed package, one entry per specifier the compiled code imports ('typebox',
// 'typebox/compile', ...), and the imports in dist/ are pointed at it. The sources and the tests still import the
// package itself; only dist/ changes.
//
// Without a bundler for this platform the compiled code keeps importing the package: slower to start, the same code.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');
const VENDOR = path.join(DIST, 'vendor', 'typebox');
const PACKAGE = 'typebox';
/** An import or export of the package, as tsc writes it: one statement on one line. */
const SPECIFIER = /^((?:import|export)\b[^\n]*? from )(['"])(typebox(?:\/[a-z]+)?)\2;$/gm;

const require = createRequire(import.meta.url);
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: ROOT,
  stdio: 'inherit',
});

/** The compiled files that import the package, with the text of each. */
function importingFiles(folder) {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.startsWith(path.join(DIST, 'vendor') + path.sep))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
    .filter(({ text }) => text.includes(`'${PACKAGE}`) || text.includes(`"${PACKAGE}`));
}

/** The bundle's file for a specifier: 'typebox' → index.mjs, 'typebox/value' → value.mjs. */
const entryName = (specifier) => (specifier === PACKAGE ? 'index' : specifier.slice(PACKAGE.length + 1));

const files = importingFiles(DIST);
const specifiers = new Set(files.flatMap(({ text }) => [...text.matchAll(SPECIFIER)].map((m) => m[3])));
/** The installed package's folder: its exports do not include its package.json, so found from its main module. */
function packageDir() {
  for (let dir = path.dirname(require.resolve(PACKAGE)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === PACKAGE) return dir;
  }
  throw new Error(`mbsc build: the ${PACKAGE} package's folder was not found`);
}
const version = JSON.parse(readFileSync(path.join(packageDir(), 'package.json'), 'utf8')).version;
const stamp = path.join(VENDOR, 'bundled.json');
// Files tsc did not write again still point at the bundle an earlier build made: it keeps their entries too.
const made = existsSync(stamp) ? JSON.parse(readFileSync(stamp, 'utf8')) : { version: undefined, entries: [] };
const entries = [...new Set([...made.entries, ...specifiers])].sort();
const fresh =
  made.version === version &&
  entries.length === made.entries.length &&
  entries.every((specifier) => existsSync(path.join(VENDOR, `${entryName(specifier)}.mjs`)));

/** Makes the bundle; answers why it could not, or undefined. */
async function bundle() {
  let build;
  try {
    ({ build } = await import('rolldown'));
  } catch (error) {
    return `no bundler here (${String(error.message).split('\n')[0]})`;
  }
  rmSync(VENDOR, { recursive: true, force: true });
  await build({
    input: Object.fromEntries(entries.map((specifier) => [entryName(specifier), specifier])),
    platform: 'node',
    cwd: ROOT,
    logLevel: 'warn',
    output: { dir: VENDOR, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: 'shared-[hash].mjs' },
  });
  // The package's licence goes with its code.
  const licence = path.join(packageDir(), 'license');
  copyFileSync(licence, path.join(VENDOR, 'LICENSE'));
  writeFileSync(stamp, `${JSON.stringify({ version, entries })}\n`);
  return undefined;
}

const lack = entries.length === 0 || fresh ? undefined : await bundle();
if (lack) {
  console.warn(`mbsc build: ${PACKAGE} left unbundled, ${lack}; the kit starts slower.`);
} else {
  for (const { file, text } of files) {
    const pointed = text.replace(SPECIFIER, (_, head, quote, specifier) => {
      const target = path.relative(path.dirname(file), path.join(VENDOR, `${entryName(specifier)}.mjs`));
      return `${head}${quote}${target.startsWith('.') ? target : `./${target}`}${quote};`;
    });
    if (pointed !== text) writeFileSync(file, pointed);
  }
}
