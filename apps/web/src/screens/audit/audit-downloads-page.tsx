import { useState } from 'react';
import { navigate } from '../../router';
import { download, type DownloadKind } from './download';
import { AuditYearField } from './audit-year-field';
import { fiscalYearInAddress } from './fiscal-years';
import { IntegrityCheck } from './integrity-check';
import './audit.css';

interface Offer {
  readonly kind: DownloadKind;
  readonly title: string;
  readonly button: string;
  readonly description: string;
}

const OFFERS: readonly Offer[] = [
  {
    kind: 'events-csv',
    title: 'すべての記録（CSV）',
    button: '記録をCSVでダウンロード',
    description:
      'その年度のすべての記録を、記録された順に1行に1件ずつ収めます。Excelでそのまま開けます（UTF-8・BOM付き、日本語はそのまま表示されます）。各行に実行者、団体名、データ、ハッシュ値を含みます。',
  },
  {
    kind: 'events-ndjson',
    title: 'すべての記録（NDJSON）',
    button: '記録をNDJSONでダウンロード',
    description: 'CSVと同じ記録を、1行に1件のJSONで収めます。プログラムで照合・集計する場合に使います。',
  },
  {
    kind: 'plan-vs-actual',
    title: '計画と実績の対比表（CSV）',
    button: '計画と実績の対比表をダウンロード',
    description:
      'その年度に額の確定をした事業ごとに、計画（交付決定時）と実績の経費・交付額を並べた表です（Excelで開けます）。',
  },
];

type Outcome = { readonly busy: true } | { readonly saved: string } | { readonly failure: string };

/** The year's exports for the auditor, and the check of every hash chain in the store. */
export function AuditDownloadsPage() {
  const [fiscalYear, setFiscalYear] = useState(() => fiscalYearInAddress(new Date()));
  const [outcomes, setOutcomes] = useState<Partial<Record<DownloadKind, Outcome>>>({});

  function choose(year: number) {
    setFiscalYear(year);
    setOutcomes({});
    navigate(`/audit/downloads?fiscalYear=${year}`, { replace: true });
  }

  async function fetchFile(kind: DownloadKind) {
    setOutcomes((known) => ({ ...known, [kind]: { busy: true } }));
    const outcome = await download(kind, fiscalYear);
    setOutcomes((known) => ({ ...known, [kind]: outcome }));
  }

  return (
    <main id="main" className="page page--wide">
      <h1>監査用データのダウンロード</h1>
      <AuditYearField id="downloads-fiscal-year" fiscalYear={fiscalYear} onChoose={choose} />
      <div className="downloads">
        {OFFERS.map((offer) => {
          const outcome = outcomes[offer.kind];
          return (
            <section key={offer.kind} className="audit-panel" aria-labelledby={`download-${offer.kind}`}>
              <h2 id={`download-${offer.kind}`}>{offer.title}</h2>
              <p>{offer.description}</p>
              <button
                type="button"
                className="button button--primary"
                disabled={outcome !== undefined && 'busy' in outcome}
                onClick={() => void fetchFile(offer.kind)}
              >
                {offer.button}
              </button>
              <div aria-live="polite" data-testid={`download-${offer.kind}-state`}>
                {outcome && 'busy' in outcome && <p className="muted">準備しています…</p>}
                {outcome && 'saved' in outcome && <p className="ok">{outcome.saved} を保存しました。</p>}
                {outcome && 'failure' in outcome && (
                  <p className="field__error" role="alert">
                    ダウンロードできませんでした。{outcome.failure}
                  </p>
                )}
              </div>
            </section>
          );
        })}
      </div>
      <IntegrityCheck scope="すべての申請と年度予算" />
    </main>
  );
}
