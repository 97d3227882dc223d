/**
 * HTML escaping in one place: the admin pages, the survey report and Telegram's HTML mode all
 * escape with the functions below, and pages are written with the `html` tagged template, which
 * escapes every interpolated value unless it is already markup (`raw`, or another `html`).
 */

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const ALL = /[&<>"']/g;
const TEXT_ONLY = /[&<>]/g;

/** Escapes text for element content and for quoted attribute values (& < > " '). */
export function escapeHtml(text: string): string {
  return text.replace(ALL, (c) => ENTITIES[c]!);
}

/**
 * Escapes only what element content needs (& < >). Telegram's HTML mode wants no more, and its
 * messages keep their quotes as typed (message length budgets count the escaped text).
 */
export function escapeHtmlText(text: string): string {
  return text.replace(TEXT_ONLY, (c) => ENTITIES[c]!);
}

/** Markup that is already safe: what `html` returns and `raw` marks. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Marks a trusted fragment (a style sheet, markup built elsewhere) to go into `html` unescaped. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * Values an `html` template may interpolate: text and numbers are escaped; SafeHtml goes in as it
 * is; arrays are each rendered by these rules and joined without a separator; null, undefined and
 * false render nothing, so `${cond && html`…`}` and `${maybe ?? ""}` read naturally.
 */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

/** html`<p>${text}</p>`: the literal parts are markup, every interpolation is escaped (see HtmlValue). */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}
