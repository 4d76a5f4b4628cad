/**
 * The reports every run writes into one folder. The multiplexer hands each reporter the failures recorded before it,
 * so the two a person reads come last: index.html shows a failed JUnit or Allure writer, and summary.json records any
 * writer that failed.
 */
import { allureReporter, type AllureOptions } from './allure/allure-reporter.js';
import { htmlReporter } from './html/html-reporter.js';
import { junitReporter } from './junit/junit-reporter.js';
import type { WriterReporter } from '../conformance/runner/reporter.js';
import { summaryJsonReporter } from './summary-json.js';

/** `allureHistory` and `seedsUrl` reach the Allure writer only; the others take the output folder. */
export function defaultReporters(options: AllureOptions = {}): WriterReporter[] {
  return [junitReporter(options), allureReporter(options), htmlReporter(options), summaryJsonReporter(options)];
}
