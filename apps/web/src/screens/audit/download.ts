import { api } from '../../api/client';
import { asProblem, problemHeadline } from '../../api/problems';

export type DownloadKind = 'events-csv' | 'events-ndjson' | 'plan-vs-actual';

export type DownloadOutcome = { readonly saved: string } | { readonly failure: string };

/** The server's name for the file (Content-Disposition), or ours. */
function fileNameOf(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '');
  return match?.[1] ?? fallback;
}

function request(kind: DownloadKind, fiscalYear: number) {
  switch (kind) {
    case 'events-csv':
    case 'events-ndjson':
      return api.GET('/v1/audit/export', {
        params: { query: { fiscalYear, format: kind === 'events-csv' ? 'csv' : 'ndjson' } },
        parseAs: 'blob',
      });
    case 'plan-vs-actual':
      return api.GET('/v1/audit/plan-vs-actual', { params: { query: { fiscalYear } }, parseAs: 'blob' });
  }
}

const FALLBACK_NAMES: Record<DownloadKind, (fiscalYear: number) => string> = {
  'events-csv': (year) => `l10k-events-FY${year}.csv`,
  'events-ndjson': (year) => `l10k-events-FY${year}.ndjson`,
  'plan-vs-actual': (year) => `l10k-plan-vs-actual-FY${year}.csv`,
};

/**
 * The exports need the bearer token, which a plain link cannot carry: the file is fetched
 * through the API client as a blob, byte for byte (the CSV's BOM included, so a spreadsheet
 * reads it as UTF-8), and handed to the browser's own download through an object URL.
 */
export async function download(kind: DownloadKind, fiscalYear: number): Promise<DownloadOutcome> {
  const { data, error, response } = await request(kind, fiscalYear);
  if (!response.ok || !(data instanceof Blob))
    return { failure: problemHeadline(asProblem(error, response.status)) };
  const name = fileNameOf(response, FALLBACK_NAMES[kind](fiscalYear));
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser reads the blob after the click returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { saved: name };
}
