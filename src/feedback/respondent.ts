import { createHmac, randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Inbound } from "../engine/types.js";

/** Hex characters kept of the HMAC: 64 bits, plenty to tell respondents apart, useless to reverse. */
const RESPONDENT_HEX = 16;
const SALT_FILE = "salt";

export type RespondentHasher = (channel: string, userId: string) => string;

/**
 * Survey respondents are a salted hash of channel + user id, never the raw id: the same citizen
 * maps to the same value (repeat answers can be told apart) but the id cannot be recovered
 * without the salt.
 */
export function createRespondentHasher(salt: string): RespondentHasher {
  if (!salt) throw new Error("feedback: respondent salt must not be empty");
  return (channel, userId) => createHmac("sha256", salt).update(`${channel}:${userId}`).digest("hex").slice(0, RESPONDENT_HEX);
}

/**
 * The salt of an embedded installation: read from `<dataDir>/salt`, or generated once (random,
 * 32 bytes) and kept there, so hashes stay stable across restarts.
 */
export function loadOrCreateSalt(dataDir: string): string {
  const path = join(dataDir, SALT_FILE);
  const existing = readSalt(path);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Written whole to a file of our own, then linked into place: `salt` is either absent or
  // complete, never the empty file a full disk leaves behind (which would stop every later start).
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600 });
  try {
    try {
      // Fails if the file exists: when two processes start at once, the first one's salt wins.
      linkSync(tmp, path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      // A salt file without a salt (torn by an earlier failed write) is replaced.
      if (!readSalt(path)) renameSync(tmp, path);
    }
  } finally {
    rmSync(tmp, { force: true });
  }
  const salt = readSalt(path);
  if (!salt) throw new Error(`feedback: could not read the respondent salt in ${path}`);
  return salt;
}

/** The salt in `path`, or undefined when there is none or only part of one. */
function readSalt(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
  const salt = text.trim();
  // A salt we wrote is 64 hex characters and a newline; fewer, without the newline, is a write
  // that a full disk cut short. Anything else is kept (a salt put there by hand).
  if (!salt || (/^[0-9a-f]{0,63}$/.test(salt) && !text.endsWith("\n"))) return undefined;
  return salt;
}

/** The configured salt, else the one kept in DATA_DIR. */
export function resolveRespondentSalt(config: { respondentSalt?: string | undefined; dataDir: string }): string {
  return config.respondentSalt ?? loadOrCreateSalt(config.dataDir);
}

/**
 * The web session secret: WEB_SESSION_SECRET, else derived from the respondent salt
 * (RESPONDENT_SALT, else the one kept in DATA_DIR), so instances that share RESPONDENT_SALT also
 * accept each other's web sessions without one more setting.
 */
export function resolveWebSessionSecret(config: { webSessionSecret?: string | undefined; respondentSalt?: string | undefined; dataDir: string }): string {
  return config.webSessionSecret ?? createHmac("sha256", resolveRespondentSalt(config)).update("dvc-bot web session secret v1").digest("hex");
}

/**
 * The dispatcher's `enrichRecord`: survey records get the hashed respondent. On the web the
 * respondent is the client's address (`origin`), not the session: anyone can open new sessions,
 * and one person must not count as many.
 */
export function createRecordEnricher(hash: RespondentHasher) {
  return (stream: string, record: Record<string, unknown>, inbound: Inbound): Record<string, unknown> =>
    stream === "survey" ? { ...record, respondent: hash(inbound.channel, inbound.origin ? `origin:${inbound.origin}` : inbound.userId) } : record;
}

/** Salt + hasher + enricher from the settings, in one call (serve, chat). */
export function createRespondentEnricher(config: { respondentSalt?: string | undefined; dataDir: string }) {
  return createRecordEnricher(createRespondentHasher(resolveRespondentSalt(config)));
}
