import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import type { EventStore } from '../event-store';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import type { UpcasterRegistry } from '../upcasters';

/** Injection token of the EventStore port. */
export const EVENT_STORE = Symbol('EVENT_STORE');

export type EventStoreModuleOptions =
  | {
      readonly kind: 'postgres';
      readonly connectionString: string;
      readonly poolSize?: number;
      readonly upcasters?: UpcasterRegistry;
    }
  | {
      readonly kind: 'kurrentdb';
      readonly connectionString: string;
      readonly streamPrefixes?: readonly string[];
      readonly upcasters?: UpcasterRegistry;
    };

export interface EventStoreModuleAsyncOptions {
  readonly imports?: DynamicModule['imports'];
  readonly inject?: Array<string | symbol | (abstract new (...args: never[]) => unknown)>;
  readonly useFactory: (...args: never[]) => EventStoreModuleOptions | Promise<EventStoreModuleOptions>;
  /** Register the module globally, so feature modules need not import it. */
  readonly isGlobal?: boolean;
}

const EVENT_STORE_OPTIONS = Symbol('EVENT_STORE_OPTIONS');

/** Builds the adapter the options name; usable without Nest too (scripts, benchmarks). */
export async function createEventStore(options: EventStoreModuleOptions): Promise<EventStore> {
  switch (options.kind) {
    case 'postgres':
      return PostgresEventStore.connect({
        connectionString: options.connectionString,
        poolSize: options.poolSize,
        upcasters: options.upcasters,
      });
    case 'kurrentdb': {
      // Loaded only when it is the store: the client and its gRPC and protobuf code are some
      // megabytes of source and compiled code that every process would otherwise keep and
      // every full GC of it trace.
      const { KurrentDbEventStore } = await import('../kurrentdb/kurrentdb-event-store');
      return KurrentDbEventStore.connect({
        connectionString: options.connectionString,
        streamPrefixes: options.streamPrefixes,
        upcasters: options.upcasters,
      });
    }
  }
}

/** Closes the store's pool or client when the application shuts down. */
@Injectable()
class EventStoreShutdown implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Module({})
export class EventStoreModule {
  static forRoot(options: EventStoreModuleOptions & { readonly isGlobal?: boolean }): DynamicModule {
    return EventStoreModule.build(
      [{ provide: EVENT_STORE_OPTIONS, useValue: options }],
      [],
      options.isGlobal,
    );
  }

  static forRootAsync(options: EventStoreModuleAsyncOptions): DynamicModule {
    const optionsProvider: Provider = {
      provide: EVENT_STORE_OPTIONS,
      useFactory: options.useFactory,
      inject: options.inject ?? [],
    };
    return EventStoreModule.build([optionsProvider], options.imports ?? [], options.isGlobal);
  }

  private static build(
    optionProviders: Provider[],
    imports: NonNullable<DynamicModule['imports']>,
    isGlobal = false,
  ): DynamicModule {
    return {
      module: EventStoreModule,
      global: isGlobal,
      imports,
      providers: [
        ...optionProviders,
        {
          provide: EVENT_STORE,
          useFactory: (options: EventStoreModuleOptions) => createEventStore(options),
          inject: [EVENT_STORE_OPTIONS],
        },
        EventStoreShutdown,
      ],
      exports: [EVENT_STORE],
    };
  }
}
