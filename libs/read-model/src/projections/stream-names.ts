export const APPLICATION_STREAM_PREFIX = 'application-';
const FISCAL_YEAR_PATTERN = /^fiscal-year-(\d{4})$/;

/** The application id of an `application-<uuid>` stream; undefined for any other stream. */
export const applicationIdOfStream = (streamId: string): string | undefined =>
  streamId.startsWith(APPLICATION_STREAM_PREFIX)
    ? streamId.slice(APPLICATION_STREAM_PREFIX.length)
    : undefined;

/** The fiscal year of a `fiscal-year-<fy>` stream; undefined for any other stream. */
export const fiscalYearOfStream = (streamId: string): number | undefined => {
  const match = FISCAL_YEAR_PATTERN.exec(streamId);
  return match ? Number(match[1]) : undefined;
};
