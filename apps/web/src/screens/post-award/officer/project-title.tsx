import { useEffect, useState } from 'react';
import { api } from '../../../api/client';

const titles = new Map<string, Promise<string | undefined>>();

function titleOf(id: string): Promise<string | undefined> {
  let found = titles.get(id);
  if (!found) {
    found = api
      .GET('/v1/applications/{id}', { params: { path: { id } } })
      .then(({ data }) => data?.plan.projectTitle ?? undefined);
    titles.set(id, found);
  }
  return found;
}

/** The ledger and the overdue queue carry no project title: each row reads its application's. */
export function ProjectTitle({ id }: { id: string }) {
  const [title, setTitle] = useState<string>();
  useEffect(() => {
    void titleOf(id).then(setTitle);
  }, [id]);
  return <>{title ?? '（事業名を読み込み中）'}</>;
}
