import { z } from "zod";
import { calendarDayMs } from "./text/calendar-date.js";
import { parseClosedDays, parseOfficeDays, parseOfficePeriods, type OfficeHours } from "./handover/office-hours.js";

/**
 * All settings, from the environment, parsed once (in the CLI) and passed down. Every default is
 * documented where it is declared. Nothing else in the code base reads process.env.
 */

const ADMIN_TOKEN_MIN = 16;

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const idList = optionalString.transform((v) =>
  v ? v.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean) : [],
);

const envSchema = z.object({
  TELEGRAM_BOT_TOKEN: optionalString,
  /** Set → webhook mode (registered with setWebhook); unset → long polling. */
  TELEGRAM_WEBHOOK_URL: optionalString.pipe(z.url().optional()),
  TELEGRAM_WEBHOOK_SECRET: optionalString,
  /** Default: Telegram's own API; set for a self-hosted Bot API server or tests. */
  TELEGRAM_API_ROOT: optionalString.transform((v) => v ?? "https://api.telegram.org"),
  ZALO_BOT_TOKEN: optionalString,
  ZALO_WEBHOOK_SECRET: optionalString,
  /** Set → Zalo webhook mode with this public URL; unset → getUpdates polling (unless only the secret is set: then webhook only). */
  ZALO_WEBHOOK_URL: optionalString.pipe(z.url().optional()),
  /** Default: the Zalo Bot API. */
  ZALO_API_URL: optionalString.transform((v) => (v ?? "https://bot-api.zaloplatforms.com").replace(/\/+$/, "")),
  /** Zalo Official Account: the app's id (Zalo for Developers). All four OA settings below start the OA channel. */
  ZALO_OA_APP_ID: optionalString,
  /** The app's secret key (header `secret_key` of the token refresh). */
  ZALO_OA_APP_SECRET: optionalString,
  /** The OA secret key of the webhook (signs `X-ZEvent-Signature`). */
  ZALO_OA_SECRET_KEY: optionalString,
  /** The first refresh token; after the first refresh the rotated one in the store is used. */
  ZALO_OA_REFRESH_TOKEN: optionalString,
  /** Optional: a current access token (spares the first refresh). */
  ZALO_OA_ACCESS_TOKEN: optionalString,
  /** Default: Zalo's OpenAPI. */
  ZALO_OA_API_URL: optionalString.transform((v) => (v ?? "https://openapi.zalo.me").replace(/\/+$/, "")),
  /** Default: Zalo's OAuth server (token refresh). */
  ZALO_OAUTH_URL: optionalString.transform((v) => (v ?? "https://oauth.zaloapp.com").replace(/\/+$/, "")),
  /** Set → Redis store; unset → embedded store in DATA_DIR. */
  REDIS_URL: optionalString,
  /**
   * Deadline in ms of every Redis call (and the connect timeout): past it the bot answers from
   * its local fallbacks and /readyz says degraded. Default 2000.
   */
  REDIS_TIMEOUT_MS: optionalString.transform((v) => (v ? Number(v) : 2000)).pipe(z.number().int().min(50).max(60_000)),
  /** Embedded store folder and Redis-outage spool. Default ./data. */
  DATA_DIR: optionalString.transform((v) => v ?? "./data"),
  /** HTTP port of `serve`. Default 8080. */
  PORT: optionalString.transform((v) => (v ? Number(v) : 8080)).pipe(z.number().int().min(0).max(65535)),
  /** Host to bind. Default 0.0.0.0 (all interfaces, as in a container). */
  HOST: optionalString.transform((v) => v ?? "0.0.0.0"),
  /** Guards /admin; unset → the dashboard is off (401 for everyone). At least 16 characters: a short token is guessed. */
  ADMIN_TOKEN: optionalString.refine((v) => v === undefined || v.length >= ADMIN_TOKEN_MIN, {
    message: `must be at least ${ADMIN_TOKEN_MIN} characters (a long random string, e.g. from \`openssl rand -hex 24\`)`,
  }),
  ADMIN_TELEGRAM_IDS: idList,
  ADMIN_ZALO_IDS: idList,
  /** Default ./knowledge (the shipped knowledge). */
  KNOWLEDGE_DIR: optionalString.transform((v) => v ?? "./knowledge"),
  /** Default ./flows (the shipped flows). */
  FLOWS_DIR: optionalString.transform((v) => v ?? "./flows"),
  /** pino level. Default info. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Salt for hashing survey respondents. Default: derived per DATA_DIR/REDIS store at first start. */
  RESPONDENT_SALT: optionalString,
  /** Days between two survey offers to the same citizen. Default 30. */
  SURVEY_OFFER_DAYS: optionalString.transform((v) => (v ? Number(v) : 30)).pipe(z.number().min(0)),
  /** Messages per user per minute before the polite slow-down. Default 30. */
  RATE_LIMIT_PER_MINUTE: optionalString.transform((v) => (v ? Number(v) : 30)).pipe(z.number().int().min(1)),
  /** Requests per client address per minute on the public web routes (/ and /api/chat). Default 60. */
  RATE_LIMIT_PER_IP_PER_MINUTE: optionalString.transform((v) => (v ? Number(v) : 60)).pipe(z.number().int().min(1)),
  /**
   * Which proxy headers to believe for the client address and scheme (X-Forwarded-For,
   * X-Forwarded-Proto). Default: none (the TCP peer is the client). "true": any proxy; a number:
   * that many proxy hops; otherwise a comma-separated list of proxy addresses/CIDRs.
   */
  TRUST_PROXY: optionalString.transform(parseTrustProxy),
  /**
   * Signs web chat session ids. Default: derived from the respondent salt (RESPONDENT_SALT, else
   * the one kept in DATA_DIR), so instances sharing RESPONDENT_SALT accept each other's sessions.
   */
  WEB_SESSION_SECRET: optionalString,
  /** Live web chat sessions one instance keeps at most; past it new visitors are asked to come back later. Default 20000. */
  WEB_SESSIONS_MAX: optionalString.transform((v) => (v ? Number(v) : 20_000)).pipe(z.number().int().min(1)),
  /**
   * The day (YYYY-MM-DD) that time-bound facts are read for — staff preview what citizens will
   * see on another day, tests pin one. Default: unset, each answer reads the current day in Vietnam.
   */
  DVC_TODAY: optionalString.pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
      .refine((v) => calendarDayMs(v) !== undefined, "must be a real date")
      .optional(),
  ),
  /** Hand-over: the Telegram group (chat id, e.g. -1001234567890) where office staff answer cases. Unset → the web inbox only. */
  STAFF_TELEGRAM_CHAT_ID: optionalString.pipe(z.string().regex(/^-?\d+$/, "must be a Telegram chat id (a number, negative for groups)").optional()),
  /** Office opening periods in Vietnam time. Default "07:30-11:30,13:30-17:00". */
  OFFICE_HOURS: optionalString.transform((v, ctx) => parseOr(() => parseOfficePeriods(v ?? "07:30-11:30,13:30-17:00"), ctx)),
  /** Office working days, 1 = Monday … 7 = Sunday. Default "1-5". */
  OFFICE_DAYS: optionalString.transform((v, ctx) => parseOr(() => parseOfficeDays(v ?? "1-5"), ctx)),
  /** Days the office is closed (holidays, Tết): "2027-01-01,2027-02-04..2027-02-12". Default none. */
  OFFICE_CLOSED_DAYS: optionalString.transform((v, ctx) => parseOr(() => parseClosedDays(v ?? ""), ctx)),
  /** An open hand-over case with no message for this many minutes is closed. Default 240 (4 hours). */
  HANDOVER_IDLE_MINUTES: optionalString.transform((v) => (v ? Number(v) : 240)).pipe(z.number().int().min(1)),
  /** Conversation memory lifetime in seconds. Default 7 days. */
  SESSION_TTL_SECONDS: optionalString.transform((v) => (v ? Number(v) : 7 * 24 * 3600)).pipe(z.number().int().min(60)),
});

export type Env = z.infer<typeof envSchema>;

/** A parse that throws becomes a zod issue with its message (so every bad setting is reported at once). */
function parseOr<T>(parse: () => T, ctx: z.RefinementCtx): T {
  try {
    return parse();
  } catch (err) {
    ctx.addIssue({ code: "custom", message: (err as Error).message });
    return z.NEVER;
  }
}

/** What fastify's `trustProxy` accepts: false, true, a hop count or a list of proxy addresses. */
export type TrustProxy = boolean | number | string[];

function parseTrustProxy(v: string | undefined): TrustProxy {
  if (!v || /^(false|no|0|off)$/i.test(v)) return false;
  if (/^(true|yes|on)$/i.test(v)) return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(/[,\s]+/).filter(Boolean);
}

export interface TelegramConfig {
  token: string;
  apiRoot: string;
  mode: { kind: "webhook"; url: string; secret?: string | undefined } | { kind: "polling" };
}

export interface ZaloConfig {
  token: string;
  apiUrl: string;
  secret?: string | undefined;
  mode: { kind: "webhook"; url?: string | undefined } | { kind: "polling" };
}

export interface ZaloOaConfig {
  appId: string;
  appSecret: string;
  secretKey: string;
  refreshToken: string;
  accessToken?: string | undefined;
  apiUrl: string;
  oauthUrl: string;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  knowledgeDir: string;
  flowsDir: string;
  logLevel: Env["LOG_LEVEL"];
  redisUrl?: string | undefined;
  redisTimeoutMs: number;
  adminToken?: string | undefined;
  adminIds: { telegram: string[]; zalo: string[] };
  telegram?: TelegramConfig | undefined;
  zalo?: ZaloConfig | undefined;
  zaloOa?: ZaloOaConfig | undefined;
  respondentSalt?: string | undefined;
  surveyOfferDays: number;
  rateLimitPerMinute: number;
  rateLimitPerIpPerMinute: number;
  trustProxy: TrustProxy;
  webSessionSecret?: string | undefined;
  webSessionsMax: number;
  sessionTtlSeconds: number;
  /** DVC_TODAY: a fixed day for time-bound facts; unset → today in Vietnam. */
  today?: string | undefined;
  handover: HandoverConfig;
}

export interface HandoverConfig {
  staffTelegramChatId?: string | undefined;
  hours: OfficeHours;
  idleMinutes: number;
}

/** Parses the environment once; throws one error naming every bad variable (never printing values). */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.superRefine((e, ctx) => {
    for (const p of settingProblems(e)) ctx.addIssue({ code: "custom", path: [p.name], message: p.message });
  }).safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`config: invalid settings\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    knowledgeDir: e.KNOWLEDGE_DIR,
    flowsDir: e.FLOWS_DIR,
    logLevel: e.LOG_LEVEL,
    redisUrl: e.REDIS_URL,
    redisTimeoutMs: e.REDIS_TIMEOUT_MS,
    adminToken: e.ADMIN_TOKEN,
    adminIds: { telegram: e.ADMIN_TELEGRAM_IDS, zalo: e.ADMIN_ZALO_IDS },
    telegram: telegramConfig(e),
    zalo: zaloConfig(e),
    zaloOa: zaloOaConfig(e),
    respondentSalt: e.RESPONDENT_SALT,
    surveyOfferDays: e.SURVEY_OFFER_DAYS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    rateLimitPerIpPerMinute: e.RATE_LIMIT_PER_IP_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    webSessionSecret: e.WEB_SESSION_SECRET,
    webSessionsMax: e.WEB_SESSIONS_MAX,
    sessionTtlSeconds: e.SESSION_TTL_SECONDS,
    today: e.DVC_TODAY,
    handover: {
      staffTelegramChatId: e.STAFF_TELEGRAM_CHAT_ID,
      hours: { days: e.OFFICE_DAYS, periods: e.OFFICE_HOURS, closed: e.OFFICE_CLOSED_DAYS },
      idleMinutes: e.HANDOVER_IDLE_MINUTES,
    },
  };
}

/** Telegram when its token is set: webhook mode when a webhook URL is, else long polling. */
function telegramConfig(e: Env): TelegramConfig | undefined {
  if (!e.TELEGRAM_BOT_TOKEN) return undefined;
  return {
    token: e.TELEGRAM_BOT_TOKEN,
    apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
    mode: e.TELEGRAM_WEBHOOK_URL ? { kind: "webhook", url: e.TELEGRAM_WEBHOOK_URL, secret: e.TELEGRAM_WEBHOOK_SECRET } : { kind: "polling" },
  };
}

/** Zalo when its token is set: webhook mode when a webhook URL or secret is, else getUpdates polling. */
function zaloConfig(e: Env): ZaloConfig | undefined {
  if (!e.ZALO_BOT_TOKEN) return undefined;
  return {
    token: e.ZALO_BOT_TOKEN,
    apiUrl: e.ZALO_API_URL,
    secret: e.ZALO_WEBHOOK_SECRET,
    mode: e.ZALO_WEBHOOK_URL || e.ZALO_WEBHOOK_SECRET ? { kind: "webhook", url: e.ZALO_WEBHOOK_URL } : { kind: "polling" },
  };
}

/** The Official Account channel when all four of its required settings are set. */
function zaloOaConfig(e: Env): ZaloOaConfig | undefined {
  if (!e.ZALO_OA_APP_ID || !e.ZALO_OA_APP_SECRET || !e.ZALO_OA_SECRET_KEY || !e.ZALO_OA_REFRESH_TOKEN) return undefined;
  return {
    appId: e.ZALO_OA_APP_ID,
    appSecret: e.ZALO_OA_APP_SECRET,
    secretKey: e.ZALO_OA_SECRET_KEY,
    refreshToken: e.ZALO_OA_REFRESH_TOKEN,
    accessToken: e.ZALO_OA_ACCESS_TOKEN,
    apiUrl: e.ZALO_OA_API_URL,
    oauthUrl: e.ZALO_OAUTH_URL,
  };
}

/** Telegram accepts 1–256 of these as `secret_token`; anything else makes setWebhook fail. */
const TELEGRAM_SECRET = /^[A-Za-z0-9_-]{1,256}$/;
/** The Zalo Bot API takes a `secret_token` of 8–256 characters. */
const ZALO_SECRET_LENGTH = { min: 8, max: 256 };
const OA_REQUIRED = ["ZALO_OA_APP_ID", "ZALO_OA_APP_SECRET", "ZALO_OA_SECRET_KEY", "ZALO_OA_REFRESH_TOKEN"] as const;

/**
 * Settings that parse but cannot work: a secret the platform would refuse, a webhook over plain
 * HTTP, a webhook URL without the secret that protects it, half an OA configuration. Found at
 * start rather than when the first update fails to arrive. Messages name variables, never values.
 */
function settingProblems(e: Env): Array<{ name: string; message: string }> {
  const out: Array<{ name: string; message: string }> = [];
  if (e.TELEGRAM_WEBHOOK_SECRET !== undefined && !TELEGRAM_SECRET.test(e.TELEGRAM_WEBHOOK_SECRET)) {
    out.push({ name: "TELEGRAM_WEBHOOK_SECRET", message: "must be 1-256 characters of A-Z a-z 0-9 _ - (Telegram refuses others)" });
  }
  if (e.ZALO_WEBHOOK_SECRET !== undefined && (e.ZALO_WEBHOOK_SECRET.length < ZALO_SECRET_LENGTH.min || e.ZALO_WEBHOOK_SECRET.length > ZALO_SECRET_LENGTH.max)) {
    out.push({ name: "ZALO_WEBHOOK_SECRET", message: "must be 8-256 characters (the Zalo Bot API refuses others)" });
  }
  for (const name of ["TELEGRAM_WEBHOOK_URL", "ZALO_WEBHOOK_URL"] as const) {
    const url = e[name];
    if (url !== undefined && !/^https:\/\//i.test(url)) out.push({ name, message: "must be an https:// URL (the platforms deliver webhooks over HTTPS only)" });
  }
  if (e.TELEGRAM_WEBHOOK_URL !== undefined && e.TELEGRAM_WEBHOOK_SECRET === undefined) {
    out.push({ name: "TELEGRAM_WEBHOOK_SECRET", message: "required with TELEGRAM_WEBHOOK_URL (without it anyone who learns the URL can post updates); or unset the URL for long polling" });
  }
  if (e.ZALO_WEBHOOK_URL !== undefined && e.ZALO_WEBHOOK_SECRET === undefined) {
    out.push({ name: "ZALO_WEBHOOK_SECRET", message: "required with ZALO_WEBHOOK_URL; or unset the URL for long polling" });
  }
  const oaSet = OA_REQUIRED.filter((name) => e[name] !== undefined);
  if (oaSet.length > 0 && oaSet.length < OA_REQUIRED.length) {
    const missing = OA_REQUIRED.filter((name) => e[name] === undefined);
    for (const name of missing) out.push({ name, message: `required for the Zalo Official Account channel (${oaSet.join(", ")} ${oaSet.length === 1 ? "is" : "are"} set)` });
  }
  if (e.ZALO_OA_ACCESS_TOKEN !== undefined && oaSet.length === 0) out.push({ name: "ZALO_OA_ACCESS_TOKEN", message: `set without ${OA_REQUIRED.join(", ")}` });
  return out;
}
