/**
 * environment.properties is read by Allure (Java) as a java.util.Properties file, ISO-8859-1: anything outside
 * printable ASCII is written as `\uXXXX` (per UTF-16 unit, as Java reads it), line breaks as `\n`, and a key's
 * separators (space, `=`, `:`) and comment marks are escaped so a hostile target name cannot add or split entries.
 */
function escapeChar(char: string, escapeInKey: boolean): string {
  const code = char.charCodeAt(0);
  switch (char) {
    case '\\':
      return '\\\\';
    case '\t':
      return '\\t';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\f':
      return '\\f';
  }
  if (escapeInKey && ' =:#!'.includes(char)) return `\\${char}`;
  if (code < 0x20 || code > 0x7e) return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return char;
}

function escape(text: string, isKey: boolean): string {
  // Splitting by UTF-16 unit on purpose: Java's \u escapes are UTF-16 units, so an emoji becomes its surrogate pair.
  const escaped = text
    .split('')
    .map((c) => escapeChar(c, isKey))
    .join('');
  // A value's leading spaces would be taken as part of the separator.
  return isKey ? escaped : escaped.replace(/^ /, '\\ ');
}

export function javaProperties(entries: Readonly<Record<string, string | undefined>>): string {
  return Object.entries(entries)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${escape(key, true)}=${escape(value, false)}\n`)
    .join('');
}
