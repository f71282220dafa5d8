/**
 * CSV that spreadsheets open correctly: RFC 4180 quoting, CRLF line ends, and a byte-order mark so
 * Excel reads UTF-8 (curly quotes, £). Cells that start like a formula are prefixed with an
 * apostrophe so a spreadsheet shows them as text instead of running them.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>): string {
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
