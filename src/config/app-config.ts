import { isAbsolute, resolve } from 'node:path';

export type EventStoreKind = 'sqlite' | 'eventstoredb';

export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

/** The service's settings, read once from the environment (README.md, "Configuration"). */
export class AppConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly adminToken: string | undefined;
  readonly logLevel: string;
  readonly eventStore: EventStoreKind;
  readonly eventStoreConnectionString: string | undefined;
  /** Time zone of business dates ("today" for the no-future-date rule). */
  readonly timeZone: string;
  /** Requests a minute per partner or auditor token (or per client address without a valid token). */
  readonly rateLimitPerMinute: number;
  /** Requests a minute per coordinator token: bulk imports come from coordinators. */
  readonly coordinatorRateLimitPerMinute: number;
  /** Origins allowed to call from a browser; none by default (CORS closed). */
  readonly corsOrigins: readonly string[];
  /**
   * Which proxies' X-Forwarded-For to believe, as Fastify's `trustProxy`: none
   * by default (the caller is the socket's address); a number of hops, or the
   * proxies' addresses and CIDR ranges.
   */
  readonly trustProxy: boolean | number | readonly string[];
  /** Open connections at most: one more is closed at once (slow or idle clients cannot exhaust sockets). */
  readonly maxConnections: number;
  /** Whether /metrics answers without a token. */
  readonly metricsPublic: boolean;
  /** Where the first start writes the generated coordinator token (mode 0600), instead of printing it. */
  readonly bootstrapTokenFile: string | undefined;
  /**
   * Worker threads for expensive reads (replays, report builds), each with its
   * own read-only connections; 0 runs them on the request thread; unset, as
   * many as the cores leave beside the request thread, at most 2.
   */
  readonly readWorkers: number | undefined;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.port = integer(env.PORT ?? '3000', 'PORT', 0, 65535);
    this.host = env.HOST ?? '127.0.0.1';
    const dataDir = env.DATA_DIR ?? './data';
    this.dataDir = isAbsolute(dataDir) ? dataDir : resolve(process.cwd(), dataDir);
    this.adminToken = nonEmpty(env.ADMIN_TOKEN);
    this.logLevel = oneOf(env.LOG_LEVEL ?? 'info', 'LOG_LEVEL', [
      'fatal',
      'error',
      'warn',
      'info',
      'debug',
      'trace',
      'silent',
    ]);
    this.eventStore = oneOf(env.EVENT_STORE ?? 'sqlite', 'EVENT_STORE', ['sqlite', 'eventstoredb'] as const);
    this.eventStoreConnectionString = nonEmpty(env.EVENTSTORE_CONNECTION_STRING);
    if (this.eventStore === 'eventstoredb') this.eventStoreDbConnectionString();
    this.timeZone = env.BUSINESS_TIME_ZONE ?? 'Europe/Brussels';
    this.rateLimitPerMinute = integer(env.RATE_LIMIT_PER_MINUTE ?? '6000', 'RATE_LIMIT_PER_MINUTE', 1, 10_000_000);
    this.coordinatorRateLimitPerMinute = integer(
      env.COORDINATOR_RATE_LIMIT_PER_MINUTE ?? '600000',
      'COORDINATOR_RATE_LIMIT_PER_MINUTE',
      1,
      100_000_000,
    );
    this.corsOrigins = (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== '');
    this.trustProxy = trustProxy(env.TRUST_PROXY ?? '');
    this.maxConnections = integer(env.MAX_CONNECTIONS ?? '1000', 'MAX_CONNECTIONS', 1, 1_000_000);
    this.metricsPublic = oneOf(env.METRICS_PUBLIC ?? 'false', 'METRICS_PUBLIC', ['true', 'false']) === 'true';
    const readWorkers = nonEmpty(env.READ_WORKERS);
    this.readWorkers = readWorkers === undefined ? undefined : integer(readWorkers, 'READ_WORKERS', 0, 16);
    const tokenFile = nonEmpty(env.BOOTSTRAP_TOKEN_FILE);
    this.bootstrapTokenFile = tokenFile === undefined ? undefined : resolve(process.cwd(), tokenFile);
    try {
      new Intl.DateTimeFormat('en-CA', { timeZone: this.timeZone });
    } catch {
      throw new ConfigurationError(`BUSINESS_TIME_ZONE is not a time zone: ${this.timeZone}`);
    }
  }

  /** The EventStoreDB connection string, which EVENT_STORE=eventstoredb cannot do without. */
  eventStoreDbConnectionString(): string {
    if (this.eventStoreConnectionString === undefined) {
      throw new ConfigurationError(
        'EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING, e.g. esdb://localhost:2113?tls=false',
      );
    }
    return this.eventStoreConnectionString;
  }
}

function integer(value: string, name: string, min: number, max: number): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new ConfigurationError(`${name} must be an integer from ${min} to ${max}, not "${value}"`);
  }
  return parsed;
}

function oneOf<T extends string>(value: string, name: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigurationError(`${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  }
  return value as T;
}

/** `false` (or unset), `true` (every hop: only when nothing but the proxy can reach the service), hops, or addresses. */
function trustProxy(value: string): boolean | number | readonly string[] {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === 'false') return false;
  if (trimmed === 'true') return true;
  if (/^\d{1,2}$/.test(trimmed)) return Number(trimmed);
  const addresses = trimmed.split(',').map((address) => address.trim());
  if (addresses.some((address) => !/^[0-9A-Fa-f.:]+(\/\d{1,3})?$/.test(address))) {
    throw new ConfigurationError(
      `TRUST_PROXY must be true, false, a number of hops or comma-separated addresses or CIDR ranges, not "${value}"`,
    );
  }
  return addresses;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
