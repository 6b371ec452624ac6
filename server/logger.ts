// Structured logs: one JSON object per line on stderr, filtered by level; keys that look secret are masked.
export type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type Logger = Record<Exclude<Level, 'silent'>, (message: string, fields?: Record<string, unknown>) => void>;

const ORDER: Level[] = ['debug', 'info', 'warn', 'error', 'silent'];
const SECRET_KEY = /authorization|api[-_]?key|secret|token|password|aes/i;

/** Replaces values of secret-looking keys with "[redacted]" (one level deep). */
export function redact(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : v]));
}

/** A logger writing JSON lines through `write` (stderr by default) at `level` and above. */
export function createLogger(level: Level, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const min = ORDER.indexOf(level);
  const at = (lvl: Exclude<Level, 'silent'>) => (message: string, fields: Record<string, unknown> = {}) => {
    if (ORDER.indexOf(lvl) < min) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: lvl, message, ...redact(fields) }));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
