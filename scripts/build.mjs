// Builds dist/: compiles the sources (tsc, incremental), then gives the compiled code TypeBox as one bundle.
//
// TypeBox ships as about 700 small ES modules, and every process and thread that loads the protocol's schemas paid
// for resolving, reading and linking each one: about 0.45 s of CPU, twice in a run (the kit's thread and the
// reference servers'), a third of a small run's CPU. Bundled (rolldown), the same code loads in about 0.06 s. The
// bundle is made from the installed package, one entry per specifier the compiled code imports ('typebox',
// 'typebox/compile', ...), and the imports in dist/ are pointed at it. The sources and the tests still import the
// package itself; only dist/ changes.
//
// Without a bundler for this platform (or if it fails) the compiled code imports the package itself: slower to start,
// the same code.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');
const VENDOR = path.join(DIST, 'vendor', 'typebox');
const PACKAGE = 'typebox';
/**
 * An import or export of the package, as tsc writes it (one statement on one line), or as an earlier build pointed it
 * at the bundle: the specifier, or the bundle's entry it names.
 */
const IMPORT =
  /^((?:import|export)\b[^\n]*? from )(['"])(?:(typebox(?:\/[a-z]+)?)|(?:\.\.?\/)+vendor\/typebox\/([a-z]+)\.mjs)\2;$/gm;

const require = createRequire(import.meta.url);
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: ROOT,
  stdio: 'inherit',
});

/** The compiled files that import the package or its bundle, with the text of each. */
function importingFiles(folder) {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.startsWith(path.join(DIST, 'vendor') + path.sep))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
    .filter(({ text }) => text.includes(PACKAGE));
}

/** The bundle's entry for a specifier: 'typebox' → index, 'typebox/value' → value; and back. */
const entryName = (specifier) => (specifier === PACKAGE ? 'index' : specifier.slice(PACKAGE.length + 1));
const specifierOf = (bare, entry) => bare ?? (entry === 'index' ? PACKAGE : `${PACKAGE}/${entry}`);

/** The installed package's folder: its exports do not include its package.json, so found from its main module. */
function packageDirOf() {
  for (let dir = path.dirname(require.resolve(PACKAGE)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === PACKAGE) return dir;
  }
  throw new Error(`mbsc build: the ${PACKAGE} package's folder was not found`);
}

const packageDir = packageDirOf();
const files = importingFiles(DIST);
const entries = [
  ...new Set(files.flatMap(({ text }) => [...text.matchAll(IMPORT)].map((m) => specifierOf(m[3], m[4])))),
].sort();
const version = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
const stampOf = (folder) => path.join(folder, 'bundled.json');
const wanted = `${JSON.stringify({ version, entries })}\n`;
// The stamp is written last, into a bundle made whole beside the old one: a build stopped half-way leaves no stamp
// that matches, and the next build makes the bundle again.
const fresh =
  existsSync(stampOf(VENDOR)) &&
  readFileSync(stampOf(VENDOR), 'utf8') === wanted &&
  entries.every((specifier) => existsSync(path.join(VENDOR, `${entryName(specifier)}.mjs`)));

/** Makes the bundle; answers why it could not, or undefined. */
async function bundle() {
  let build;
  try {
    ({ build } = await import('rolldown'));
  } catch (error) {
    return `no bundler here (${String(error.message).split('\n')[0]})`;
  }
  const next = `${VENDOR}.next`;
  rmSync(next, { recursive: true, force: true });
  try {
    await build({
      input: Object.fromEntries(entries.map((specifier) => [entryName(specifier), specifier])),
      platform: 'node',
      cwd: ROOT,
      logLevel: 'warn',
      output: { dir: next, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: 'shared-[hash].mjs' },
    });
    // The package's licence goes with its code.
    const licence = readdirSync(packageDir).find((name) => /^licen[cs]e/i.test(name));
    if (licence) copyFileSync(path.join(packageDir, licence), path.join(next, 'LICENSE'));
    writeFileSync(stampOf(next), wanted);
  } catch (error) {
    rmSync(next, { recursive: true, force: true });
    return `the bundler failed (${String(error.message).split('\n')[0]})`;
  }
  // The old bundle goes aside before the new one moves in, and only then away: at no point is there no bundle
  // unless the move itself failed, when the imports go back to the package.
  const old = `${VENDOR}.old`;
  rmSync(old, { recursive: true, force: true });
  try {
    if (existsSync(VENDOR)) renameSync(VENDOR, old);
    renameSync(next, VENDOR);
  } catch (error) {
    rmSync(next, { recursive: true, force: true });
    return `the bundle could not be put in place (${String(error.message).split('\n')[0]})`;
  }
  rmSync(old, { recursive: true, force: true });
  return undefined;
}

const lack = entries.length === 0 || fresh ? undefined : await bundle();
if (lack) console.warn(`mbsc build: ${PACKAGE} left unbundled, ${lack}; the kit starts slower.`);
// Every import names the bundle when there is one, else the package itself (never a bundle that is not there).
for (const { file, text } of files) {
  const pointed = text.replace(IMPORT, (_, head, quote, bare, entry) => {
    const specifier = specifierOf(bare, entry);
    if (lack) return `${head}${quote}${specifier}${quote};`;
    const target = path.relative(path.dirname(file), path.join(VENDOR, `${entryName(specifier)}.mjs`));
    const posix = target.split(path.sep).join('/');
    return `${head}${quote}${posix.startsWith('.') ? posix : `./${posix}`}${quote};`;
  });
  if (pointed !== text) writeFileSync(file, pointed);
}
