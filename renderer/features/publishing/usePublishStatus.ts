import { useCallback, useEffect, useRef, useState } from 'react';
import type { CmsProfileView } from '../../../shared/model/cms-profiles';
import type { OutboxJobView, PublishStatus } from '../../../shared/model/publishing';
import { call, invoke, on } from '../../api/client';

export interface PublishData {
  profiles: CmsProfileView[];
  defaultProfileId: string;
  status: PublishStatus;
}

export interface PublishStatusState {
  data: PublishData | null;
  /** Why the panel could not load, in plain words. */
  loadError: string | null;
  /** The outbox jobs of this draft not yet done (and the last word on finished ones), by id. */
  jobs: ReadonlyMap<string, OutboxJobView>;
  /** Reads the status again (after an action, or when the panel asks). */
  refresh: () => Promise<void>;
}

const messageOf = (error: unknown, fallback: string) => (error instanceof Error ? error.message : fallback);

/**
 * The draft's publishing state from the main side: the profiles, the publish log with where the
 * story stands on each profile, and its outbox jobs. It follows `outbox.changed` (a job's progress)
 * and `drafts.changed` (a save makes the live copy "behind"; a finished publish pins the slug, so
 * the draft is re-read and `onPublished` tells the editor the slug the site gave).
 */
export function usePublishStatus(draftId: string, onPublished: (slug: string) => void): PublishStatusState {
  const [data, setData] = useState<PublishData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [jobs, setJobs] = useState<ReadonlyMap<string, OutboxJobView>>(new Map());
  // Answers can overtake each other: only the newest request may write the status.
  const generation = useRef(0);
  const published = useRef(onPublished);
  useEffect(() => {
    published.current = onPublished;
  });

  const refresh = useCallback((): Promise<void> => {
    const mine = ++generation.current;
    return Promise.all([call('profiles.list', {}), call('publishing.status', { draftId })]).then(
      ([list, status]) => {
        if (mine !== generation.current) return;
        setData({ profiles: list.profiles, defaultProfileId: list.defaultProfileId, status });
        setLoadError(null);
      },
      (error: unknown) => {
        if (mine === generation.current) setLoadError(`The publishing status could not be read: ${messageOf(error, 'unknown error')}`);
      },
    );
  }, [draftId]);

  useEffect(() => {
    let current = true;
    void refresh();
    // Jobs queued earlier (another session, before a restart) still show their progress here.
    invoke('outbox.list', {}).then(
      (result) => {
        if (!current || !result.ok) return;
        setJobs(new Map(result.value.jobs.filter((job) => job.draftId === draftId).map((job) => [job.id, job])));
      },
      () => {},
    );
    const offOutbox = on('outbox.changed', (payload) => {
      const { job, removed } = payload;
      if (job.draftId !== draftId) return;
      setJobs((before) => {
        const next = new Map(before);
        // A discarded job is gone from the outbox: it no longer asks to be tried again.
        if (removed === true) next.delete(job.id);
        else next.set(job.id, job);
        return next;
      });
      void refresh();
    });
    const offDrafts = on('drafts.changed', (change) => {
      if (change.id !== draftId || (change.reason !== 'saved' && change.reason !== 'published')) return;
      void refresh();
      if (change.reason !== 'published') return;
      call('drafts.open', { id: draftId }).then(
        (draft) => {
          if (current && !draft.article.slugFollowsHeadline) published.current(draft.article.slug);
        },
        // The main side pinned the slug on disk already; the field catches up when the draft is next opened.
        () => {},
      );
    });
    return () => {
      current = false;
      offOutbox();
      offDrafts();
    };
  }, [draftId, refresh]);

  return { data, loadError, jobs, refresh };
}
