import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { asProblem, problemHeadline } from '../../api/problems';
import type { components } from '../../api/schema';

export type KnownReviewer = components['schemas']['KnownReviewerView'];

/** One page of reviewers, by id: the assignment form and the dashboard show no more. */
export const KNOWN_REVIEWERS_PAGE = 200;

export type KnownReviewers =
  { readonly items: readonly KnownReviewer[]; readonly more: boolean } | { readonly failure: string };

/**
 * The reviewers the applications name (GET /v1/reviewers), each with what is on their desk;
 * undefined while they are read.
 */
export function useKnownReviewers(): KnownReviewers | undefined {
  const [known, setKnown] = useState<KnownReviewers>();
  useEffect(() => {
    let current = true;
    void api
      .GET('/v1/reviewers', { params: { query: { limit: KNOWN_REVIEWERS_PAGE } } })
      .then(({ data, error, response }) => {
        if (!current) return;
        setKnown(
          data
            ? { items: data.items, more: data.nextCursor !== null }
            : { failure: problemHeadline(asProblem(error, response.status)) },
        );
      });
    return () => {
      current = false;
    };
  }, []);
  return known;
}
