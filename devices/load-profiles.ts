/**
 * Reads device profiles and matrices from JSON, validates them, and fails with a ClientError that names the file,
 * every failing field and, for an unknown id, the nearest known one. Loaded profiles are frozen: several simulated
 * devices may share one, and DeviceSpec is read-only by contract.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Edition } from '../conformance/spec/editions.js';
import { ClientError, type ClientErrorCode } from '../conformance/spec/errors.js';
import { didYouMean } from '../conformance/spec/nearest-name.js';
import type { DeviceSpec } from '../simulators/device/device-spec.js';
import { DeviceMatrix } from './matrix-schema.js';
import { DeviceProfile, PROFILE_ID_PATTERN, profileRuleProblems } from './profile-schema.js';
import { formatProblems, schemaProblems, type SchemaProblem } from '../conformance/spec/schema-problems.js';

/** A validated profile: a DeviceSpec with the profile's optional notes. */
export type LoadedProfile = DeviceSpec & { readonly notes?: string };

export interface LoadedMatrix {
  profiles: LoadedProfile[];
  editions: Edition[];
}

let dataDir: string | undefined;

/**
 * The repository's devices/ folder, the one holding profiles/. tsc copies no JSON into dist/, so from
 * dist/devices/load-profiles.js the data is not beside the module: walking up from the module's folder to the first
 * `devices/profiles` finds it from the sources (vitest) and from dist/ alike, and would prefer a copy in dist/ if a
 * build step ever adds one.
 */
export function devicesDataDir(): string {
  if (dataDir !== undefined) return dataDir;
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (isDirectory(path.join(dir, 'devices', 'profiles'))) return (dataDir = path.join(dir, 'devices'));
    if (path.dirname(dir) === dir) break;
  }
  throw new ClientError('profile-not-found', `No devices/profiles folder in ${start} or any folder above it.`);
}

export const defaultProfilesDir = (): string => path.join(devicesDataDir(), 'profiles');
export const defaultMatrixFile = (): string => path.join(devicesDataDir(), 'matrix.default.json');

/** Ids of the profiles in a folder (file names without `.json`), sorted; none if the folder does not exist. */
export function profileIds(dir = defaultProfilesDir()): string[] {
  if (!isDirectory(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** An id resolves to `<dir>/<id>.json`; anything with a path separator or ending in `.json` is read as a path. */
export function loadProfile(idOrPath: string, dir = defaultProfilesDir()): LoadedProfile {
  if (/[/\\]/.test(idOrPath) || idOrPath.endsWith('.json')) return readProfile(path.resolve(idOrPath));
  const ids = profileIds(dir);
  if (!new RegExp(PROFILE_ID_PATTERN).test(idOrPath) || !ids.includes(idOrPath)) {
    throw new ClientError(
      'profile-not-found',
      `No device profile "${idOrPath}" in ${dir}.${suggestId(idOrPath, ids)}`,
      { id: idOrPath, dir },
    );
  }
  return readProfile(path.join(dir, `${idOrPath}.json`), idOrPath);
}

export function loadAllProfiles(dir = defaultProfilesDir()): LoadedProfile[] {
  const ids = profileIds(dir);
  if (ids.length === 0) throw new ClientError('profile-not-found', `No device profiles (*.json) in ${dir}.`, { dir });
  return ids.map((id) => loadProfile(id, dir));
}

/** Reads a matrix and loads each profile it names from `dir`; a profile that fails keeps its own error code. */
export function loadMatrix(file = defaultMatrixFile(), dir = defaultProfilesDir()): LoadedMatrix {
  const data = readJson(file, 'device matrix', 'matrix-invalid', 'matrix-invalid');
  let problems = schemaProblems(DeviceMatrix, data);
  if (problems.length === 0) {
    const known = profileIds(dir);
    problems = (data as DeviceMatrix).profiles.flatMap((id, i) =>
      known.includes(id)
        ? []
        : [{ path: `profiles[${i}]`, message: `no device profile "${id}" in ${dir}.${suggestId(id, known)}` }],
    );
  }
  if (problems.length > 0) throw invalid('matrix-invalid', 'Device matrix', file, problems);
  const matrix = data as DeviceMatrix;
  return { profiles: matrix.profiles.map((id) => loadProfile(id, dir)), editions: [...matrix.editions] };
}

/** didYouMean, or else the one id that contains the input (`pixel-9` → `google-pixel-9`). */
function suggestId(input: string, ids: readonly string[]): string {
  const near = didYouMean(input, ids);
  if (near || input.length < 3) return near;
  const containing = ids.filter((id) => id.includes(input.toLowerCase()));
  return containing.length === 1 ? ` Did you mean "${containing[0]}"?` : '';
}

function readProfile(file: string, expectedId?: string): LoadedProfile {
  const data = readJson(file, 'device profile', 'profile-not-found', 'profile-invalid');
  let problems = schemaProblems(DeviceProfile, data);
  if (problems.length === 0) {
    const profile = data as DeviceProfile;
    problems = profileRuleProblems(profile);
    if (expectedId !== undefined && profile.id !== expectedId) {
      problems.push({ path: 'id', message: `must equal the file name "${expectedId}" (got "${profile.id}")` });
    }
  }
  if (problems.length > 0) throw invalid('profile-invalid', 'Device profile', file, problems);
  return deepFreeze(data as DeviceProfile);
}

function readJson(file: string, what: string, missing: ClientErrorCode, invalidCode: ClientErrorCode): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ClientError(missing, `No ${what} file ${file}.`, { file });
    throw new ClientError(invalidCode, `Cannot read ${what} ${file}: ${(error as Error).message}`, { file });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ClientError(invalidCode, `The ${what} ${file} is not valid JSON: ${(error as Error).message}`, {
      file,
    });
  }
}

function invalid(code: ClientErrorCode, what: string, file: string, problems: SchemaProblem[]): ClientError {
  return new ClientError(code, `${what} ${file} is invalid:${formatProblems(problems)}`, { file, problems });
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
