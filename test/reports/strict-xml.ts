/** Parses XML strictly for the report tests: any warning or error from the parser fails the test. */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

/** Any character outside XML 1.0's Char production. */
export const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function parseXml(text: string): Document {
  const parser = new DOMParser({
    onError(level, message) {
      throw new Error(`XML ${level}: ${message}`);
    },
    // XML 1.0's end-of-line handling; xmldom's default also folds U+0085 and U+2028 (XML 1.1).
    normalizeLineEndings: (source) => source.replace(/\r\n?/g, '\n'),
  });
  return parser.parseFromString(text, 'text/xml');
}

export function children(parent: Element | Document, tag: string): Element[] {
  return Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1 && n.nodeName === tag);
}

export function child(parent: Element, tag: string): Element | undefined {
  return children(parent, tag)[0];
}
