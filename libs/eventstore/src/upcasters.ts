import type { EventData, ProjectedMetadata } from './event-store';
import { fresh } from '@l10k/rules';

/** An event as an upcaster sees it: its type, its data, and of its metadata what every read path reads. */
export interface UpcastableEvent {
  readonly type: string;
  readonly data: EventData;
  readonly metadata: ProjectedMetadata;
}

/** Turns one schema version of an event into a later one (it may rename the type). */
export type Upcaster = (event: UpcastableEvent) => { type?: string; data: EventData; schemaVersion: number };

/**
 * `(type, schemaVersion) → upcaster`, applied on every read path until no upcaster
 * matches. Stored events are never rewritten: hashes stay valid, old versions stay readable.
 */
export class UpcasterRegistry {
  private readonly upcasters = new Map<string, Upcaster>();

  register(type: string, fromSchemaVersion: number, upcast: Upcaster): this {
    const key = UpcasterRegistry.key(type, fromSchemaVersion);
    if (this.upcasters.has(key))
      throw new Error(`an upcaster for ${type} v${fromSchemaVersion} is already registered`);
    this.upcasters.set(key, upcast);
    return this;
  }

  get isEmpty(): boolean {
    return this.upcasters.size === 0;
  }

  upcast<E extends UpcastableEvent>(event: E): E {
    let current: E = event;
    for (;;) {
      const upcast = this.upcasters.get(UpcasterRegistry.key(current.type, current.metadata.schemaVersion));
      if (!upcast) return current;
      const next = upcast(current);
      // A non-increasing version would loop forever; refuse it loudly.
      if (!(next.schemaVersion > current.metadata.schemaVersion)) {
        throw new Error(
          `upcaster for ${current.type} v${current.metadata.schemaVersion} must raise schemaVersion, got ${next.schemaVersion}`,
        );
      }
      current = {
        ...fresh,
        ...current,
        type: next.type ?? current.type,
        data: next.data,
        metadata: { ...fresh, ...current.metadata, schemaVersion: next.schemaVersion },
      };
    }
  }

  private static key(type: string, schemaVersion: number): string {
    return `${schemaVersion}\u0000${type}`;
  }
}
