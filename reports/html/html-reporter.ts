/** index.html: the self-contained report a person opens, written from the Summary alone. */
import path from 'node:path';
import { outDirOf, writeFileAtomic, type WriterOptions } from '../output-files.js';
import type { WriterReporter } from '../../conformance/runner/reporter.js';
import { htmlDocument } from './html-document.js';
import { reportData } from './report-data.js';

export const HTML_FILE = 'index.html';

export function htmlReporter(
  options: WriterOptions & { readonly now?: () => Date; readonly seedsUrl?: string | undefined } = {},
): WriterReporter {
  const file = path.join(outDirOf(options), HTML_FILE);
  const now = options.now ?? (() => new Date());
  return {
    name: 'index.html',
    path: file,
    async onRunEnd(summary) {
      await writeFileAtomic(file, htmlDocument(reportData(summary, now(), { seedsUrl: options.seedsUrl })));
    },
  };
}
