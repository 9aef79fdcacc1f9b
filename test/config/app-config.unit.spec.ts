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
