import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';

/** One pino logger for Fastify and Nest: JSON lines on stdout. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'indicators' }, timestamp: pino.stdTimeFunctions.isoTime });
}

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Nest's logger calls (`message, ...params, context`) written through pino:
 * `logger.error({ err }, 'text')` keeps the error as a structured field.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (message !== null && typeof message === 'object') {
      this.logger[level]({ ...fields, ...message }, typeof rest[0] === 'string' ? rest[0] : '');
    } else {
      this.logger[level](fields, String(message));
    }
  }
}
