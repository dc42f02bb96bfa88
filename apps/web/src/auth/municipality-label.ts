import { useEffect, useState } from 'react';
import { municipalityByCode, type Municipality } from '../api/municipalities';

/** A local government as people name it: 岩手県 久慈市 (a prefecture names itself). */
export const municipalityLabel = (municipality: Municipality): string =>
  municipality.kind === 'prefecture' ? municipality.name : `${municipality.prefecture} ${municipality.name}`;

/**
 * The signed-in municipality's name: the one chosen at sign-in when there was a choice (dev
 * sign-in), else the registry's for the session's code (an identity provider's token carries
 * only the code). Undefined until known, or when the registry has no such code.
 */
export function useMunicipalityLabel(
  code: string | undefined,
  chosen: string | undefined,
): string | undefined {
  const [looked, setLooked] = useState<{ code: string; label: string }>();
  useEffect(() => {
    if (!code || chosen) return;
    let live = true;
    void municipalityByCode(code).then((found) => {
      if (live && found) setLooked({ code, label: municipalityLabel(found) });
    });
    return () => {
      live = false;
    };
  }, [code, chosen]);
  return chosen ?? (looked !== undefined && looked.code === code ? looked.label : undefined);
}
