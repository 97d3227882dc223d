/**
 * Personal data never leaves a conversation: identity-card numbers, phone numbers and e-mail
 * addresses are masked before anything is stored (comments, unanswered questions).
 *
 * Every pattern here does bounded work per character of input (no unbounded quantifier that can
 * backtrack over the rest of the text), so masking is linear in the length of the text: a
 * message like "a.a.a.…" cannot stall the event loop. `maskStats` exposes the work done so tests
 * can check that bound without timing anything.
 */

/** RFC 5321 limits: 64 characters before the @, 255 after. They also bound the work per "@". */
const EMAIL_LOCAL_MAX = 64;
const EMAIL_DOMAIN_MAX = 255;
const EMAIL_LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const EMAIL_DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;
/** The end of a domain: a dot then two letters or more (the top-level domain). */
const EMAIL_TLD = /\.\p{L}{2,}$/u;

/**
 * Vietnamese mobiles and landlines: 0 + 8–10 digits, or the country code (+84, 84, (+84), with an
 * optional "(0)") + 8–10 digits; digits may be grouped by spaces, dots or dashes ("0912 345 678",
 * "091.234.5678", "+84 912-345-678"). At most two separator characters between digits, so each
 * match attempt looks at a bounded stretch of text. Not after "digit." or "digit,": that is the
 * inside of an amount ("100.000.000.000").
 */
const PHONE = /(?<![\p{N}+])(?<!\p{N}[.,])(?:\(?\+?84\)?[ .-]{0,2}(?:\(0\)[ .-]{0,2})?|0)(?:[ .-]{0,2}\p{N}){8,10}(?![\p{N}])/gu;
/**
 * A 12-digit citizen-ID (căn cước) number written in groups: "001203 004567", "001-203-004-567",
 * "001.203.004.567". Province codes start with 0, which sets them apart from amounts of money
 * written the same way ("100.000.000.000 đồng"). The digit count is checked in `maskGroupedId`.
 */
const GROUPED_DIGITS = /(?<![\p{N}.,-])0\p{N}{0,5}(?:[ .-]\p{N}{1,6}){1,11}(?![\p{N}])/gu;
const ID_DIGITS = 12;
// Chip ID / căn cước (12 digits) and old CMND (9) unbroken, passport-like letter + 7–8 digits, and any other long digit run.
const ID_NUMBER = /(?<![\p{N}])\p{N}{9,}(?![\p{N}])|\b[A-Z]\d{7,8}\b/gu;

export const MASK = { email: "[email]", phone: "[số điện thoại]", id: "[số giấy tờ]" } as const;

/** Characters examined by the e-mail scanner since the process started (tests read it). */
export const maskStats = { emailSteps: 0 };

export function maskPersonalData(text: string): string {
  // Grouped ID numbers before phones: "001-203-004-567" would otherwise lose only its first
  // ten digits to the phone pattern and keep "-567" in view.
  return maskEmails(text).replace(GROUPED_DIGITS, maskGroupedId).replace(PHONE, MASK.phone).replace(ID_NUMBER, MASK.id);
}

function maskGroupedId(match: string): string {
  let digits = 0;
  for (const ch of match) if (ch >= "0" && ch <= "9") digits++;
  return digits === ID_DIGITS ? MASK.id : match;
}

/**
 * E-mail addresses, found from each "@": walk left over local-part characters and right over
 * domain characters (each walk bounded by the RFC limits), then require a top-level domain.
 * A regular expression with an unbounded local part tried every start position to the end of
 * the text: quadratic on "a.a.a.…".
 */
function maskEmails(text: string): string {
  let at = text.indexOf("@");
  if (at < 0) return text;
  let out = "";
  let copied = 0;
  while (at >= 0) {
    let start = at;
    while (start > copied && at - start < EMAIL_LOCAL_MAX && EMAIL_LOCAL_CHAR.test(text[start - 1]!)) {
      start--;
      maskStats.emailSteps++;
    }
    let end = at + 1;
    while (end < text.length && end - at - 1 < EMAIL_DOMAIN_MAX && EMAIL_DOMAIN_CHAR.test(text[end]!)) {
      end++;
      maskStats.emailSteps++;
    }
    // A sentence may end right after the address: "… a@b.vn." — the final dot is not the domain's.
    let domainEnd = end;
    while (domainEnd > at + 1 && (text[domainEnd - 1] === "." || text[domainEnd - 1] === "-")) domainEnd--;
    const domain = text.slice(at + 1, domainEnd);
    if (start < at && EMAIL_TLD.test(domain) && domain.indexOf(".") > 0) {
      out += text.slice(copied, start) + MASK.email;
      copied = domainEnd;
    }
    at = text.indexOf("@", Math.max(at + 1, copied));
  }
  return out + text.slice(copied);
}
