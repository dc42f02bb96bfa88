import type { RecordedEvent } from '@l10k/eventstore';
import { municipalityName } from '@l10k/rules';

/** The columns of the audit export, in order; the CSV header and the NDJSON keys. */
export const EXPORT_COLUMNS = [
  'globalPosition',
  'streamId',
  'revision',
  'eventId',
  'type',
  'occurredAt',
  'recordedAt',
  'actorSub',
  'actorRole',
  'actorMunicipalityCode',
  'actorMunicipalityName',
  'ruleSetId',
  'schemaVersion',
  'correlationId',
  'data',
  'prevHash',
  'hash',
] as const;

export function exportRecord(
  event: RecordedEvent,
): Record<(typeof EXPORT_COLUMNS)[number], string | number | null | object> {
  const { metadata } = event;
  return {
    globalPosition: Number(event.globalPosition),
    streamId: event.streamId,
    revision: Number(event.revision),
    eventId: event.eventId,
    type: event.type,
    occurredAt: metadata.occurredAt,
    recordedAt: event.recordedAt.toISOString(),
    actorSub: metadata.actor.sub,
    actorRole: metadata.actor.role,
    actorMunicipalityCode: metadata.actor.municipalityCode ?? null,
    actorMunicipalityName:
      metadata.actor.municipalityCode === undefined
        ? null
        : (municipalityName(metadata.actor.municipalityCode) ?? null),
    ruleSetId: metadata.ruleSetId ?? null,
    schemaVersion: metadata.schemaVersion,
    correlationId: metadata.correlationId,
    data: event.data,
    prevHash: metadata.prevHash,
    hash: metadata.hash,
  };
}

/** RFC 4180: quote every field that holds a comma, quote, CR or LF; double the quotes. */
export function csvField(value: string | number | null | object): string {
  const text = value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvHeader = (): string => `${EXPORT_COLUMNS.join(',')}\r\n`;

export function csvLine(event: RecordedEvent): string {
  const record = exportRecord(event);
  return `${EXPORT_COLUMNS.map((column) => csvField(record[column])).join(',')}\r\n`;
}

export const ndjsonLine = (event: RecordedEvent): string => `${JSON.stringify(exportRecord(event))}\n`;
