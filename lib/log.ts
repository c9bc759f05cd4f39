import pino from 'pino';

const g = globalThis as typeof globalThis & { __memberCareLog?: pino.Logger };

/** The one logger. Never give it request bodies or driver messages: they carry personal data. */
export const log: pino.Logger = (g.__memberCareLog ??= pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { app: 'member-care' },
  redact: { paths: ['*.authorization', '*.password', '*.secret', '*.token', 'headers.*'], remove: true },
}));

/**
 * What may be logged of an error: its name, a database error's code, and where it was thrown.
 * Never its message: a driver's quotes the statement's parameters (names, emails, mobiles).
 */
export function loggableError(err: unknown): { name?: string; code?: string; at?: string[] } {
  const e = err as { name?: unknown; stack?: unknown; code?: unknown; cause?: { code?: unknown } } | null | undefined;
  const code = e?.cause?.code ?? e?.code;
  const at =
    typeof e?.stack === 'string'
      ? e.stack
          .split('\n')
          .filter((l) => l.startsWith('    at '))
          .map((l) => l.trim())
      : [];
  return {
    ...(typeof e?.name === 'string' ? { name: e.name } : {}),
    ...(typeof code === 'string' ? { code } : {}),
    ...(at.length ? { at } : {}),
  };
}
