/** A text table for the benchmarks' console output. */

/** Columns padded to their widest cell; cells that are just a number align right. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, c) => (/^-?[\d.,]+$/.test(cell) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
