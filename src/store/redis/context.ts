import type { Logger } from "../../log.js";
import type { Clock } from "../memory.js";
import type { Availability, Timed } from "./availability.js";
import type { RedisClient } from "./connection.js";

/** What the Redis store's ports share: one connection, its availability, and the key prefix. */
export interface RedisContext {
  client: RedisClient;
  availability: Availability;
  /** A deadline around one command (REDIS_TIMEOUT_MS). */
  timed: Timed;
  /** Prefix of every key, e.g. "dvc:". */
  prefix: string;
  /** Clock in ms for the in-memory fallbacks; Redis keeps its own time for TTLs. */
  now: Clock;
  logger: Logger;
  /** Error messages with the URL's secrets masked. */
  safe: (err: unknown) => string;
}
