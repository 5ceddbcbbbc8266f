import { useId, useState } from 'react';
import { formatLocal } from '../publishing/time-format';
import { STATUS_LABELS } from '../../../shared/model/review';
import { invoke } from '../../api/client';
import { Modal } from '../../components/Modal';
import { type DeskStory, useDeskInbox } from './useDeskInbox';

interface Props {
  onOpen: (draftId: string) => void;
  onClose: () => void;
}

/** Opening one story: in progress, refused, or done with main's word on what it did locally. */
type Opening = { remoteId: string; kind: 'busy' } | { remoteId: string; kind: 'failed'; message: string } | { kind: 'done'; draftId: string; message: string };

/** Times read like every other time in the app (sign-offs, the publish log). */
const modified = (iso: string): string => formatLocal(iso);

/**
 * The desk inbox: for one WordPress or Ghost destination, the stories waiting for review there.
 * Open takes a story into a local draft that works offline (`desk.open`), then says what happened
 * locally (a new draft, or this machine's draft brought up to date, local edits kept as a copy)
 * before going to the story, so that message is never lost behind the editor.
 */
export function DeskInbox({ onOpen, onClose }: Props) {
  const inbox = useDeskInbox();
  const [opening, setOpening] = useState<Opening | null>(null);
  const siteId = useId();
  const siteName = inbox.site?.name ?? 'the site';

  const open = async (story: DeskStory) => {
    if (!inbox.site) return;
    setOpening({ remoteId: story.remoteId, kind: 'busy' });
    const result = await invoke('desk.open', { profileId: inbox.site.id, remoteId: story.remoteId }).catch((error: unknown) => ({
      ok: false as const,
      error: { message: error instanceof Error ? error.message : 'unknown error' },
    }));
    setOpening(
      result.ok
        ? { kind: 'done', draftId: result.value.draftId, message: result.value.message }
        : { remoteId: story.remoteId, kind: 'failed', message: `“${story.title}” could not be opened: ${result.error.message}` },
    );
  };

  if (opening?.kind === 'done') {
    return (
      <Modal title="Desk inbox" onClose={onClose} className="desk-inbox" closeButton>
        <p role="status">{opening.message}</p>
        <div className="dialog-actions">
          <button type="button" className="primary" autoFocus onClick={() => onOpen(opening.draftId)}>
            Edit the story
          </button>
        </div>
      </Modal>
    );
  }

  const { load } = inbox;
  return (
    <Modal title="Desk inbox" onClose={onClose} className="desk-inbox" closeButton>
      {inbox.sites.length > 1 && (
        <div className="desk-inbox-site">
          <label htmlFor={siteId}>Desk on</label>
          <select id={siteId} value={inbox.site?.id ?? ''} onChange={(event) => inbox.choose(event.currentTarget.value)}>
            {inbox.sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {load.kind === 'loading' && <p role="status">Reading the desk on {siteName}…</p>}
      {load.kind === 'no-desk' && (
        <p role="status">The desk inbox needs a WordPress or Ghost destination. Add one in Settings → Publishing.</p>
      )}
      {load.kind === 'failed' && (
        <>
          <p role="alert" className="error-text">
            {load.message}
          </p>
          {inbox.site && (
            <button type="button" onClick={inbox.reload}>
              Try again
            </button>
          )}
        </>
      )}
      {load.kind === 'ready' && load.stories.length === 0 && <p role="status">No stories are waiting for review on {siteName}.</p>}
      {load.kind === 'ready' && load.stories.length > 0 && (
        <ul className="desk-stories" aria-label={`Waiting for review on ${siteName}`}>
          {load.stories.map((story) => (
            <StoryRow key={story.remoteId} story={story} opening={opening} onOpen={() => void open(story)} />
          ))}
        </ul>
      )}
    </Modal>
  );
}

function StoryRow({ story, opening, onOpen }: { story: DeskStory; opening: Opening | null; onOpen: () => void }) {
  const mine = opening !== null && opening.kind !== 'done' && opening.remoteId === story.remoteId ? opening : null;
  const title = story.title.trim() === '' ? 'Untitled' : story.title;
  return (
    <li className="desk-story">
      <div className="desk-story-text">
        <p className="desk-story-title">{title}</p>
        <p className="desk-story-meta">
          {story.author ? `${story.author} · ` : ''}
          <time dateTime={story.modifiedAt}>{modified(story.modifiedAt)}</time>
        </p>
        <p className="desk-story-meta">
          {story.status && <span className="desk-tag">{STATUS_LABELS[story.status]}</span>}
          <span className="desk-tag">{story.fromNewsroom ? 'From Newsroom' : 'Written on the site'}</span>
          {story.localDraftId && <span className="desk-tag">Opened here</span>}
        </p>
        {mine?.kind === 'busy' && <p role="status">Opening…</p>}
        {mine?.kind === 'failed' && (
          <p role="alert" className="error-text">
            {mine.message}
          </p>
        )}
      </div>
      <button type="button" onClick={onOpen} disabled={opening?.kind === 'busy'} aria-label={`Open ${title}`}>
        Open
      </button>
    </li>
  );
}
