/**
 * Personal data never leaves a conversation: identity-card numbers, phone numbers and e-mail
 * addresses are masked before anything is stored (comments, unanswered questions).
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Vietnamese mobiles/landlines: 0xxxxxxxxx, +84 / 84 prefixes, with optional separators.
const PHONE = /(?<![\p{N}])(?:\+?84|0)(?:[\s.-]?\p{N}){8,10}(?![\p{N}])/gu;
// Chip ID / căn cước (12 digits), old CMND (9), passport-like letter+7 digits, and any other long digit run.
const ID_NUMBER = /(?<![\p{N}])\p{N}{9,}(?![\p{N}])|\b[A-Z]\d{7,8}\b/gu;

export function maskPersonalData(text: string): string {
  return text.replace(EMAIL, "[email]").replace(PHONE, "[số điện thoại]").replace(ID_NUMBER, "[số giấy tờ]");
}
