import type { Logger } from '../core/ports';

/**
 * The shell's logger: one line per message on stderr/stdout, fields as JSON. Callers never pass
 * secrets or document text (the core's rule); this only formats.
 */
const line = (level: string, message: string, fields?: Record<string, unknown>): string =>
  `${new Date().toISOString()} ${level} ${message}${fields ? ` ${safeJson(fields)}` : ''}`;

function safeJson(fields: Record<string, unknown>): string {
  try {
    return JSON.stringify(fields);
  } catch {
    return '{"fields":"unserialisable"}';
  }
}

export const consoleLogger: Logger = {
  info: (message, fields) => console.log(line('info', message, fields)),
  warn: (message, fields) => console.warn(line('warn', message, fields)),
  error: (message, fields) => console.error(line('error', message, fields)),
};
