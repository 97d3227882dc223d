import { createHmac, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
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
  mkdirSync(dataDir, { recursive: true });
  try {
    // "wx": if two processes start at once, only one writes; the other reads the winner's salt.
    writeFileSync(path, `${randomBytes(32).toString("hex")}\n`, { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  const salt = readSalt(path);
  if (!salt) throw new Error(`feedback: could not read the respondent salt in ${path}`);
  return salt;
}

function readSalt(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The configured salt, else the one kept in DATA_DIR. */
export function resolveRespondentSalt(config: { respondentSalt?: string; dataDir: string }): string {
  return config.respondentSalt ?? loadOrCreateSalt(config.dataDir);
}

/**
 * The web session secret: WEB_SESSION_SECRET, else derived from the respondent salt
 * (RESPONDENT_SALT, else the one kept in DATA_DIR), so instances that share RESPONDENT_SALT also
 * accept each other's web sessions without one more setting.
 */
export function resolveWebSessionSecret(config: { webSessionSecret?: string; respondentSalt?: string; dataDir: string }): string {
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
export function createRespondentEnricher(config: { respondentSalt?: string; dataDir: string }) {
  return createRecordEnricher(createRespondentHasher(resolveRespondentSalt(config)));
}
