import { redactConnectionString } from '../../../src/event-store/eventstoredb/eventstoredb-connection.js';

describe('connection strings in messages', () => {
  it('hides the password and keeps the user, hosts and settings', () => {
    expect(redactConnectionString('esdb://admin:changeit@db1:2113,db2:2113?tls=true')).toBe(
      'esdb://admin:***@db1:2113,db2:2113?tls=true',
    );
    expect(redactConnectionString('esdb+discover://ops:p%40ss@cluster.local:2113')).toBe(
      'esdb+discover://ops:***@cluster.local:2113',
    );
  });

  it('leaves a string without credentials as it is', () => {
    expect(redactConnectionString('esdb://localhost:2113?tls=false')).toBe('esdb://localhost:2113?tls=false');
  });
});
