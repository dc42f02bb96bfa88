import { EventStoreUnavailableError } from '../errors';

/** Set when anything requires the KurrentDB client. */
let mockClientLoaded = false;
jest.mock('@kurrent/kurrentdb-client', () => {
  mockClientLoaded = true;
  return jest.requireActual('@kurrent/kurrentdb-client');
});

describe('the event store the options name', () => {
  it('is built without loading the KurrentDB client when PostgreSQL is the store', async () => {
    await jest.isolateModulesAsync(async () => {
      const eventstore = await import('../index');
      expect(typeof eventstore.createEventStore).toBe('function');
      expect(typeof eventstore.EventStoreModule.forRoot).toBe('function');
    });
    expect(mockClientLoaded).toBe(false);
  });

  it('loads the KurrentDB adapter when KurrentDB is the store, and says when its server cannot be reached', async () => {
    const { createEventStore } = await import('../index');
    await expect(
      createEventStore({ kind: 'kurrentdb', connectionString: 'kurrentdb://127.0.0.1:1?tls=false' }),
    ).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(mockClientLoaded).toBe(true);
  });
});
