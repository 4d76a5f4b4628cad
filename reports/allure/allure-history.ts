/**
 * Allure's history: `allure generate` reads allure-results/history/ (history.json with each historyId's past runs,
 * and the trend files: history-trend.json, duration-trend.json, categories-trend.json, retry-trend.json) and writes
 * the new history into allure-report/history/. Carrying a report's history/ into the next run's results is what
 * gives the next report its trends and each test's past. Given an earlier report folder (or its history/ folder),
 * its history files are copied into this run's results.
 */
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ClientError } from '../../conformance/spec/errors.js';

export const HISTORY_DIR = 'history';

/** Copies the history files of `from` (a report folder or its history/) into `resultsDir`/history; their names. */
export async function carryHistory(from: string, resultsDir: string): Promise<string[]> {
  const source = await historyFolder(path.resolve(from));
  const files = (await readdir(source)).filter((name) => name.endsWith('.json'));
  const target = path.join(resultsDir, HISTORY_DIR);
  await mkdir(target, { recursive: true });
  for (const name of files) await copyFile(path.join(source, name), path.join(target, name));
  return files;
}

async function historyFolder(from: string): Promise<string> {
  for (const candidate of [path.join(from, HISTORY_DIR), from]) {
    if (await isFile(path.join(candidate, 'history.json'))) return candidate;
  }
  throw new ClientError(
    'report-history-missing',
    `${from} holds no Allure history (history/history.json): give an earlier allure-report folder or its history/`,
  );
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}
