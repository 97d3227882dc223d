/**
 * Vietnamese conventions for the report's numbers, dates and labels (text, HTML, chat): "50,0%",
 * "1.234", "05/03/2026", times in Vietnam (UTC+7, no daylight saving time), and the words for the
 * channel and age-band keys the survey stores. JSON keeps the raw keys and numbers: it is a contract.
 */

const VN_OFFSET_MS = 7 * 3600 * 1000;

/** 50 → "50,0%", null → "—". */
export function formatPct(v: number | null): string {
  return v === null ? "—" : `${v.toFixed(1).replace(".", ",")}%`;
}

/** 4.25 → "4,25", null → "—". */
export function formatMean(v: number | null): string {
  return v === null ? "—" : v.toFixed(2).replace(".", ",");
}

/** 1234567 → "1.234.567". */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** "2026-03-05" → "05/03/2026"; "2026-03" → "03/2026"; anything else unchanged. */
export function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  return m[3] ? `${m[3]}/${m[2]}/${m[1]}` : `${m[2]}/${m[1]}`;
}

/** A time as "05/03/2026 14:07" in Vietnam. */
export function formatTimeVn(at: number): string {
  const iso = new Date(at + VN_OFFSET_MS).toISOString();
  return `${formatDay(iso.slice(0, 10))} ${iso.slice(11, 16)}`;
}

/** What administrators call each channel. */
export const CHANNEL_LABELS: Readonly<Record<string, string>> = {
  telegram: "Telegram",
  zalo: "Zalo",
  "zalo-oa": "Zalo OA",
  web: "Web",
  terminal: "Dòng lệnh",
  cli: "Dòng lệnh",
  "?": "Không rõ",
};

/** The survey's age-band values (flows/survey.yaml) in words. */
export const AGE_BAND_LABELS: Readonly<Record<string, string>> = {
  "<25": "Dưới 25 tuổi",
  "25-39": "25–39 tuổi",
  "40-59": "40–59 tuổi",
  "60+": "Từ 60 tuổi trở lên",
};

export const channelLabel = (key: string): string => CHANNEL_LABELS[key] ?? key;
export const ageBandLabel = (key: string): string => AGE_BAND_LABELS[key] ?? key;
