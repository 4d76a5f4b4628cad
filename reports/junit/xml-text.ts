/**
 * Text and attribute values for XML 1.0. Escaping `<`, `&` and `>` everywhere means no CDATA section is ever needed,
 * so a `]]>` in a message cannot end one. Characters XML 1.0 cannot carry at all (control characters other than tab,
 * newline and carriage return, lone surrogates, U+FFFE and U+FFFF) are written as a visible `\uXXXX`: a strict parser
 * would otherwise reject the whole file, and the person reading a failure still sees that the character was there.
 */

// Everything outside XML 1.0's Char production; with the u flag a lone surrogate is one code point and matches too.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function visible(text: string): string {
  return text.replace(NOT_XML_CHAR, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** A carriage return is written as a reference too: a parser turns a literal one (and CR LF) into a newline. */
export function xmlText(text: string): string {
  return visible(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/**
 * Also escapes quotes, and tab and newline as character references: a parser normalises literal ones in an attribute
 * value to spaces, which would flatten a multi-line message.
 */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** `name="value"` pairs for a start tag, skipping undefined values. */
export function xmlAttributes(attributes: Readonly<Record<string, string | number | undefined>>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join('');
}
