import { AppConfig, ConfigurationError } from '../../src/config/app-config.js';

describe('the event store configuration', () => {
  it('runs on the embedded store by default', () => {
    expect(new AppConfig({}).eventStore).toBe('sqlite');
  });

  it('refuses EVENT_STORE=eventstoredb without a connection string, naming the variable', () => {
    expect(() => new AppConfig({ EVENT_STORE: 'eventstoredb' })).toThrow(ConfigurationError);
    expect(() => new AppConfig({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: '  ' })).toThrow(
      /EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING/,
    );
  });

  it('takes EventStoreDB with its connection string', () => {
    const config = new AppConfig({
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://db:2113?tls=false',
    });
    expect(config.eventStoreDbConnectionString()).toBe('esdb://db:2113?tls=false');
  });
});

describe('the operations settings', () => {
  it('trusts no proxy by default; a number of hops, or addresses and CIDR ranges', () => {
    expect(new AppConfig({}).trustProxy).toBe(false);
    expect(new AppConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(new AppConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(new AppConfig({ TRUST_PROXY: '10.0.0.1, 172.16.0.0/12' }).trustProxy).toEqual(['10.0.0.1', '172.16.0.0/12']);
    expect(() => new AppConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY must be/);
  });

  it('keeps /metrics behind a token and caps connections unless told otherwise', () => {
    const defaults = new AppConfig({});
    expect([defaults.metricsPublic, defaults.maxConnections, defaults.bootstrapTokenFile]).toEqual([
      false,
      1000,
      undefined,
    ]);
    expect(new AppConfig({ METRICS_PUBLIC: 'true' }).metricsPublic).toBe(true);
    expect(() => new AppConfig({ METRICS_PUBLIC: 'yes' })).toThrow(/METRICS_PUBLIC must be one of true, false/);
    expect(() => new AppConfig({ MAX_CONNECTIONS: '0' })).toThrow(/MAX_CONNECTIONS/);
    expect(new AppConfig({ BOOTSTRAP_TOKEN_FILE: '/run/secrets/token' }).bootstrapTokenFile).toBe('/run/secrets/token');
  });

  it('runs expensive reads in as many workers as told, on the request thread with 0, and refuses nonsense', () => {
    expect(new AppConfig({}).readWorkers).toBeUndefined();
    expect([
      new AppConfig({ READ_WORKERS: '0' }).readWorkers,
      new AppConfig({ READ_WORKERS: '3' }).readWorkers,
    ]).toEqual([0, 3]);
    expect(() => new AppConfig({ READ_WORKERS: 'many' })).toThrow(/READ_WORKERS must be an integer from 0 to 16/);
    expect(() => new AppConfig({ READ_WORKERS: '-1' })).toThrow(/READ_WORKERS/);
  });
});
