/**
 * The command line a vendor gives for starting another server like theirs (`--own-server 'COMMAND'`), read as words
 * with no shell: quotes group words and a backslash escapes the next character, nothing else is special, so no
 * pipe, redirection or variable of the user's shell is run by the kit. Placeholders are filled in each time a server
 * is started, because each start gets a data directory and a console key of its own.
 */
import { didYouMean } from '../spec/nearest-name.js';

export const PLACEHOLDERS = ['edition', 'data', 'consoleKey', 'host', 'pushWebhook'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface CommandTemplate {
  /** As the user gave it, for messages. */
  readonly text: string;
  readonly words: readonly string[];
  /** The placeholders it uses: a kit that is not asked for a console key need not make one. */
  readonly uses: ReadonlySet<Placeholder>;
}

/** A template that cannot be read; the message says where and why. */
export class CommandTemplateError extends Error {}

export function parseCommandTemplate(text: string): CommandTemplate {
  return commandTemplate(splitWords(text), text);
}

/** A template from words already split (the kit's own commands); `text` is how messages show it. */
export function commandTemplate(words: readonly string[], text = words.join(' ')): CommandTemplate {
  if (words.length === 0) throw new CommandTemplateError('the command is empty');
  const uses = new Set<Placeholder>();
  for (const word of words) {
    for (const [, name = ''] of word.matchAll(/\{([^{}]*)\}/g)) {
      if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
        const known = PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
        throw new CommandTemplateError(
          `unknown placeholder {${name}} (known: ${known}).${didYouMean(name, PLACEHOLDERS)}`,
        );
      }
      uses.add(name as Placeholder);
    }
  }
  return { text, words, uses };
}

/** The words of one start, each placeholder replaced by its value. */
export function fillTemplate(template: CommandTemplate, values: Readonly<Record<Placeholder, string>>): string[] {
  return template.words.map((word) => word.replace(/\{([^{}]*)\}/g, (_, name: Placeholder) => values[name]));
}

/** Splits as a POSIX shell splits plain words: whitespace separates, '…' is literal, "…" and \ escape. */
function splitWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (c === '\\') {
      const next = text[++i];
      if (next === undefined) throw new CommandTemplateError('the command ends with a lone backslash');
      word = (word ?? '') + next;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (quote) throw new CommandTemplateError(`a ${quote} quote is not closed`);
  if (word !== undefined) words.push(word);
  return words;
}
