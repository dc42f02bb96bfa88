import { useEffect, useId, useState } from 'react';
import { api } from '../api/client';
import { municipalityLabel } from './municipality-label';

export interface PickedMunicipality {
  readonly code: string;
  readonly label: string;
}

/**
 * The municipality by name from the registry (GET /v1/municipalities?q=, public reference
 * data): 久慈, くじ or 0320 find 岩手県 久慈市. The results are radio buttons, so a keyboard or
 * a screen reader chooses as easily as a mouse.
 */
export function MunicipalityPicker({
  value,
  onPick,
}: {
  value: string;
  onPick: (picked: PickedMunicipality) => void;
}) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PickedMunicipality[]>([]);
  const [searched, setSearched] = useState(false);
  const id = useId();

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults([]);
      setSearched(false);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void api.GET('/v1/municipalities', { params: { query: { q, limit: 10 } } }).then(({ data }) => {
        if (!live) return;
        setSearched(true);
        setResults((data?.items ?? []).map((item) => ({ code: item.code, label: municipalityLabel(item) })));
      });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <div className="field">
      <label htmlFor={`${id}-search`} className="field__label">
        団体名で探す
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        団体名・よみ・コードの先頭で検索できます（例：久慈、くじ）。
      </p>
      <input
        id={`${id}-search`}
        type="search"
        className="input"
        value={query}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setQuery(event.target.value)}
      />
      {searched && (
        <fieldset className="fieldset picker-results">
          <legend>検索結果（{results.length}件）</legend>
          {results.length === 0 && <p>該当する団体はありません。</p>}
          {results.map((result) => (
            <label key={result.code} className="choice">
              <input
                type="radio"
                name={`${id}-result`}
                checked={value === result.code}
                onChange={() => onPick(result)}
              />
              {result.label}（{result.code}）
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
