// The engine's LogPort in the service worker: the console (visible in chrome://extensions →
// "Inspect views"), with the level below which messages are dropped.
import type { LogPort } from '../sync/ports';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export function createConsoleLog(minimum: Level = 'info', sink: Console = console): LogPort {
  const at = (level: Level) => (message: string, data?: Record<string, unknown>) => {
    if (ORDER[level] < ORDER[minimum]) return;
    sink[level](`[almanac] ${message}`, ...(data ? [data] : []));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
