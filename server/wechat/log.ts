// Logging hook of the WeChat channels: events carry codes and counts, never message content or secrets.

/** Receives one structured event; `data` holds only codes, counts and durations. */
export type ChannelLog = (
  level: 'info' | 'warn' | 'error',
  event: string,
  data?: Readonly<Record<string, string | number | boolean>>,
) => void;

/** Default sink: warnings and errors as one JSON line on stderr; info is dropped. */
export const stderrLog: ChannelLog = (level, event, data) => {
  if (level !== 'info') console.error(JSON.stringify({ level, event, ...data }));
};

/** A loggable name for a thrown value, without its message (which may quote user content). */
export function errorKind(err: unknown): string {
  if (err instanceof Error) return 'code' in err && typeof err.code === 'string' ? err.code : err.name;
  return typeof err;
}
