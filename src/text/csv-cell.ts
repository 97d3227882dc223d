/**
 * A spreadsheet reads a cell that starts with = + - @ (or a tab or carriage return, which some
 * programs skip first) as a formula: a survey comment "=HYPERLINK(…)" would run when an
 * administrator opens the CSV. As OWASP advises, such text gets a leading single quote, which
 * Excel and LibreOffice show as plain text. Numbers are not text: a numeric cell keeps its sign.
 */
const FORMULA_START = /^[\s]*[=+\-@]|^[\t\r]/;

export function csvTextCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A cell of any kind: strings are neutralised, numbers (ratings, counts) pass as they are. */
export function csvCell(value: string | number): string | number {
  return typeof value === "string" ? csvTextCell(value) : value;
}
