import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Structured JSON logs. Tokens, secrets and message texts are redacted by key; identity and phone
 * numbers inside free text are never logged because message texts are never logged at info level.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { app: "dvc-bot" },
      redact: {
        paths: [
          "token",
          "*.token",
          "secret",
          "*.secret",
          "authorization",
          "*.authorization",
          "headers.authorization",
          'headers["x-telegram-bot-api-secret-token"]',
          'headers["x-bot-api-secret-token"]',
          "text",
          "*.text",
        ],
        censor: "[redacted]",
      },
    },
    (destination ?? process.stderr) as pino.DestinationStream,
  );
}

/** A logger that drops everything (tests, CLI commands that print their own output). */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}

/** Error details safe for logs: message and name, never request bodies or URLs with tokens. */
export function errorSummary(err: unknown): { name: string; message: string } {
  if (err instanceof Error) return { name: err.name, message: err.message.replace(/bot\d+:[\w-]+/g, "bot<token>") };
  return { name: "Error", message: String(err) };
}
