import pino from 'pino';

const g = globalThis as typeof globalThis & { __memberCareLog?: pino.Logger };

/** The one logger. Never give it request bodies or driver messages: they carry personal data. */
export const log: pino.Logger = (g.__memberCareLog ??= pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { app: 'member-care' },
  redact: { paths: ['*.authorization', '*.password', '*.secret', '*.token', 'headers.*'], remove: true },
}));
