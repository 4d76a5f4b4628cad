/**
 * The files a result attaches (`<uuid>-<what>-attachment.<ext>` beside it): the counterexample with its replay
 * command, the HTTP exchanges as text, and for a check through the screens the screenshot and page source of the
 * screen it failed on.
 */
import type { Failure } from '../../conformance/runner/summary-schema.js';
import { exchangeLines } from '../exchange-text.js';
import { failureText } from '../findings.js';
import type { AllureAttachment } from './allure-model.js';

export const ATTACHMENT_NAMES = {
  counterexample: 'Counterexample and replay command',
  exchanges: 'HTTP exchanges of the failing attempt',
  screenshot: 'Screenshot of the failing screen',
  pageSource: 'Page source of the failing screen',
} as const;

/** The file names Allure results may hold from this writer, so a later run can clear them. */
export const ATTACHMENT_FILE = /^.+-attachment\.(txt|png|xml)$/;

/** An attachment and its file's content. */
export interface AttachedFile {
  readonly attachment: AllureAttachment;
  readonly content: string | Buffer;
}

export function failureAttachments(uuid: string, failure: Failure | undefined): AttachedFile[] {
  if (!failure) return [];
  const files: AttachedFile[] = [];
  const add = (what: keyof typeof ATTACHMENT_NAMES, ext: string, type: string, content: string | Buffer) =>
    files.push({
      attachment: { name: ATTACHMENT_NAMES[what], source: `${uuid}-${kebab(what)}-attachment.${ext}`, type },
      content,
    });
  add('counterexample', 'txt', 'text/plain', `${failureText(failure, false)}\n`);
  const exchanges = exchangeLines(failure);
  if (exchanges.length > 0) add('exchanges', 'txt', 'text/plain', `${exchanges.join('\n')}\n`);
  const screen = failure.screen;
  if (screen?.screenshot !== undefined) add('screenshot', 'png', 'image/png', Buffer.from(screen.screenshot, 'base64'));
  if (screen?.pageSource !== undefined) add('pageSource', 'xml', 'text/xml', screen.pageSource);
  return files;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
