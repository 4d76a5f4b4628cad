/**
 * The build (scripts/build.mjs, run by the tests' global setup) gives dist/ TypeBox as one bundle: no compiled file
 * imports the package's ~700 modules any more, and each entry of the bundle exports what the package's does, so
 * the compiled kit runs the same code it was typed against.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type TypeBox from 'typebox';
import type { Compile as CompileOf } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli-process.js';

const DIST = path.join(REPO_ROOT, 'dist');
const VENDOR = path.join(DIST, 'vendor', 'typebox');

const compiled = readdirSync(DIST, { withFileTypes: true, recursive: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
  .map((entry) => path.join(entry.parentPath, entry.name));

/** The build bundles where rolldown runs here; elsewhere it leaves the compiled code importing the package. */
const bundler = await import('rolldown').then(
  () => true,
  () => false,
);

describe.skipIf(!bundler)('TypeBox bundled into dist/ (skipped: no bundler for this platform)', () => {
  it('leaves no compiled import of the package itself, and every import of the bundle names a file it has', () => {
    const texts = compiled.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
    const bare = texts.filter(({ text }) => /^(?:import|export)\b.* from ['"]typebox(?:\/[a-z]+)?['"];$/m.test(text));
    expect(bare.map(({ file }) => file)).toEqual([]);
    const named = texts.flatMap(({ file, text }) =>
      [...text.matchAll(/ from '((?:\.\.?\/)+vendor\/typebox\/[a-z]+\.mjs)';$/gm)].map((m) =>
        path.resolve(path.dirname(file), m[1]!),
      ),
    );
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((target) => !existsSync(target))).toEqual([]);
  });

  it.each([
    ['typebox', 'index.mjs'],
    ['typebox/compile', 'compile.mjs'],
    ['typebox/value', 'value.mjs'],
  ])('exports from %s what the package does', async (specifier, file) => {
    const own = (await import(specifier)) as Record<string, unknown>;
    const bundled = (await import(pathToFileURL(path.join(VENDOR, file)).href)) as Record<string, unknown>;
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(own).sort());
  });

  it('validates with the bundled compiler as with the package', async () => {
    const { default: Type } = (await import(pathToFileURL(path.join(VENDOR, 'index.mjs')).href)) as {
      default: typeof TypeBox;
    };
    const { Compile } = (await import(pathToFileURL(path.join(VENDOR, 'compile.mjs')).href)) as {
      Compile: typeof CompileOf;
    };
    const schema = Type.Object({ name: Type.String({ minLength: 1 }), size: Type.Integer({ minimum: 0 }) });
    const check = Compile(schema);
    expect(check.Check({ name: 'a.jpg', size: 3 })).toBe(true);
    expect(check.Check({ name: '', size: 3 })).toBe(false);
    expect(check.Check({ name: 'a.jpg', size: -1 })).toBe(false);
  });

  it('carries the package licence and the version it was made from', () => {
    expect(existsSync(path.join(VENDOR, 'LICENSE'))).toBe(true);
    const stamp = JSON.parse(readFileSync(path.join(VENDOR, 'bundled.json'), 'utf8')) as { version: string };
    const installed = JSON.parse(
      readFileSync(path.join(REPO_ROOT, 'node_modules', 'typebox', 'package.json'), 'utf8'),
    ) as {
      version: string;
    };
    expect(stamp.version).toBe(installed.version);
  });
});
