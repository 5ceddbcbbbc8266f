import { useEffect, useState } from 'react';
import { invoke } from '../../api/client';

/**
 * The headlines of the drafts, by id, so a job reads "Publish to Desk WordPress: Council approves
 * budget" (a job view carries only the draft's id). Read when the outbox panel opens; if the list
 * cannot be read the jobs still show, without their headline; nothing else depends on it.
 */
export function useHeadlines(active: boolean): ReadonlyMap<string, string> {
  const [headlines, setHeadlines] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    if (!active) return;
    let current = true;
    void invoke('drafts.list', {})
      .then((result) => {
        if (current && result.ok) setHeadlines(new Map(result.value.drafts.map((draft) => [draft.id, draft.headline])));
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [active]);

  return headlines;
}
