import { pino } from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs on stdout (one line per event), as log collectors expect. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'outage-analytics' }, redact: ['req.headers.authorization'] });
}
