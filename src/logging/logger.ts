import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger } from 'pino';
import { build as prettyStream } from 'pino-pretty';

/** Where the log goes: standard output, unless a test gives another. */
export interface LogOutput {
  readonly stream: NodeJS.WritableStream;
  /** A person reads it (a terminal): one readable line an entry, instead of JSON. */
  readonly isTerminal: boolean;
}

const STDOUT: LogOutput = { stream: process.stdout, isTerminal: process.stdout.isTTY === true };

/**
 * One pino logger for Fastify and Nest: JSON lines for a log collector, or,
 * on a terminal, pino-pretty's readable lines (time, level, message, fields).
 */
export function createLogger(level: string, output: LogOutput = STDOUT): Logger {
  const options = { level, base: { service: 'indicators' }, timestamp: pino.stdTimeFunctions.isoTime };
  if (!output.isTerminal)
    return output.stream === process.stdout ? pino(options) : pino(options, output.stream as DestinationStream);
  const readable = prettyStream({
    destination: output.stream,
    sync: true,
    colorize: output.stream === process.stdout,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service',
  });
  return pino(options, readable);
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
