/**
 * CSV that spreadsheets open correctly: RFC 4180 quoting, CRLF line ends, and a byte-order mark so
 * Excel reads UTF-8 (curly quotes, £). Cells that start like a formula are prefixed with an
 * apostrophe so a spreadsheet shows them as text instead of running them.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>): string {
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/**
 * Characters a spreadsheet may read as the start of a formula, after any leading white space or
 * control characters (which some spreadsheets skip): = + - @, tab and carriage return, and their
 * full-width forms (＝ ＋ － ＠), which some spreadsheets normalise.
 */
const FORMULA_START = /^[\s\u0000-\u001f\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\u0000]/;

export function cell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
