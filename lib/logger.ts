import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Structured logs: one JSON object per line on stdout (stderr for errors),
 * with a time, a level, an event name and, inside a request, its id (the
 * x-request-id proxy.ts gives every request). Never pass PINs, passwords,
 * tokens or customer contact data in `fields`: as a safety net, fields with
 * such names are replaced by "[redacted]", and API keys, email addresses and
 * token-like path segments are masked in every string.
 */

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

let minimum: Level = "info";

export function setLogLevel(level: Level): void {
  minimum = level;
}

const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `work` with every log line it writes carrying this request id. */
export function withRequestId<T>(requestId: string | null | undefined, work: () => T): T {
  return requestId ? requestScope.run({ requestId }, work) : work();
}

const SENSITIVE_FIELD =
  /pin$|^pin|password|passphrase|token|secret|authorization|cookie|credential|api_?key$|e-?mail|phone|(recovery|verification|reset)_?code/i;
const API_KEY = /\blk_[A-Za-z0-9_-]{8,}/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// /card/<page token>, /unsubscribe/<token>, /invite/<token>, …: a long opaque path segment is a secret.
const TOKEN_SEGMENT = /\/[A-Za-z0-9_-]{20,}(?=[/?#\s"]|$)/g;
const UUID = /^\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN_PARAM = /([?&](?:sig|token|code|key)=)[^&#\s]+/gi;

export function redactString(value: string): string {
  return value
    .replace(API_KEY, "lk_[redacted]")
    .replace(EMAIL, "[email]")
    .replace(TOKEN_SEGMENT, (segment) => (UUID.test(segment) ? segment : "/[redacted]"))
    .replace(TOKEN_PARAM, "$1[redacted]");
}

function redact(key: string, value: unknown): unknown {
  if (key !== "" && SENSITIVE_FIELD.test(key) && value !== null && value !== undefined && typeof value !== "boolean") return "[redacted]";
  if (typeof value === "string") return redactString(value);
  if (value instanceof Error)
    return { name: value.name, message: redactString(value.message), stack: value.stack && redactString(value.stack) };
  return value;
}

export function formatLogLine(level: Level, event: string, fields: Record<string, unknown> = {}): string {
  const requestId = requestScope.getStore()?.requestId;
  return JSON.stringify({ time: new Date().toISOString(), level, event, ...(requestId ? { requestId } : {}), ...fields }, redact);
}

function write(level: Level, event: string, fields: Record<string, unknown> = {}): void {
  if (ORDER[level] < ORDER[minimum]) return;
  const line = formatLogLine(level, event, fields);
  if (level === "error") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export const logger = {
  debug: (event: string, fields?: Record<string, unknown>) => write("debug", event, fields),
  info: (event: string, fields?: Record<string, unknown>) => write("info", event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write("warn", event, fields),
  error: (event: string, fields?: Record<string, unknown>) => write("error", event, fields),
};
