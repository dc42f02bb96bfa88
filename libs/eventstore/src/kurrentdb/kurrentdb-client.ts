import type {
  AllStreamRecordedEvent,
  AppendResult,
  AppendStreamRequest,
  AppendToStreamOptions,
  EventData,
  KurrentDBClient,
  MultiAppendResult,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent as KurrentRecordedEvent,
  SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
// The method the client itself checks before a multiStreamAppend (the v2 append session).
import { StreamsServiceService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/streams_grpc_pb';

export interface KurrentServerFeatures {
  /** As the server reports it, e.g. `25.1.0`; `unknown` when it does not say. */
  readonly version: string;
  readonly multiStreamAppend: boolean;
}

export interface KurrentSubscription extends AsyncIterable<{ readonly event?: AllStreamRecordedEvent }> {
  unsubscribe(): Promise<void>;
}

/**
 * The part of `@kurrent/kurrentdb-client` the adapter uses: narrow, so that unit tests
 * can run the adapter over an in-memory fake (there is no KurrentDB server here).
 */
export interface KurrentClient {
  appendToStream(
    streamName: string,
    events: EventData[],
    options: AppendToStreamOptions,
  ): Promise<AppendResult>;
  multiStreamAppend(requests: AppendStreamRequest[]): Promise<MultiAppendResult>;
  readStream(
    streamName: string,
    options: ReadStreamOptions,
  ): AsyncIterable<{ readonly event?: KurrentRecordedEvent }>;
  readAll(options: ReadAllOptions): AsyncIterable<{ readonly event?: AllStreamRecordedEvent }>;
  subscribeToAll(options: SubscribeToAllOptions): KurrentSubscription;
  serverFeatures(): Promise<KurrentServerFeatures>;
  dispose(): Promise<void>;
}

interface ClientCapabilities {
  readonly serverVersion: string;
  supports(method: unknown, feature?: string): boolean;
}

export function kurrentClientOf(client: KurrentDBClient): KurrentClient {
  return {
    appendToStream: (streamName, events, options) => client.appendToStream(streamName, events, options),
    multiStreamAppend: (requests) => client.multiStreamAppend(requests),
    readStream: (streamName, options) => client.readStream(streamName, options),
    readAll: (options) => client.readAll(options),
    subscribeToAll: (options) => client.subscribeToAll(options),
    serverFeatures: async () => {
      // The client keeps the server's feature list (its ServerFeatures RPC) protected and
      // checks it before every multiStreamAppend; asking it the same way lets startup
      // refuse an old server instead of the first adoption.
      const capabilities = await (client as unknown as { capabilities: Promise<ClientCapabilities> })
        .capabilities;
      return {
        version: capabilities.serverVersion,
        multiStreamAppend: capabilities.supports(StreamsServiceService.appendSession),
      };
    },
    dispose: () => client.dispose(),
  };
}
