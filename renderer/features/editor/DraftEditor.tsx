import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { LexicalEditor } from 'lexical';
import { HEADLINE_MAX_CHARS, type EditorStateJson } from '../../../shared/model/article';
import type { Draft } from '../../../shared/model/draft';
import { NewsroomEditor } from '../../editor/NewsroomEditor';
import { formatWordCount } from '../../lib/format';
import { PublishControl } from './PublishControl';
import { SaveIndicator } from './SaveIndicator';
import { useAutosave } from './useAutosave';
import { useWordCount } from './useWordCount';

interface Props {
  draft: Draft;
  onBack: () => void;
  onOpenSettings: () => void;
}

/** Headlines are one line: pasted or typed line breaks become spaces. */
const oneLine = (value: string): string => value.replace(/\s*[\r\n]+\s*/g, ' ');

/**
 * One open draft: headline, body, live word count, autosave and publishing. The body is kept in
 * a ref, not state, so a keystroke in the body re-renders nothing but the word count (per frame).
 */
export function DraftEditor({ draft, onBack, onOpenSettings }: Props) {
  const autosave = useAutosave(draft.id, new Date(draft.updatedAt));
  const { change, flush } = autosave;
  const [headline, setHeadline] = useState(draft.article.headline);
  const headlineRef = useRef(draft.article.headline);
  const body = useRef<EditorStateJson>(draft.article.body);
  const { words, recount } = useWordCount(draft.article.body);
  const headlineField = useRef<HTMLTextAreaElement>(null);
  const editor = useRef<LexicalEditor | null>(null);
  const onEditorReady = useCallback((instance: LexicalEditor) => {
    editor.current = instance;
  }, []);
  const headlineId = useId();

  useEffect(() => {
    // Start at the top: a long story should not open scrolled to wherever a caret was.
    headlineField.current?.focus();
  }, []);

  const onBodyChange = useCallback(
    (next: EditorStateJson) => {
      body.current = next;
      change({ headline: headlineRef.current, body: next });
      recount(next);
    },
    [change, recount],
  );

  const onHeadlineChange = (value: string) => {
    const clean = oneLine(value);
    headlineRef.current = clean;
    setHeadline(clean);
    change({ headline: clean, body: body.current });
  };

  const onHeadlineKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter') {
      // Enter ends the headline and moves on to the story.
      event.preventDefault();
      editor.current?.focus();
    }
  };

  /** Leaves only once the text is saved; on failure the indicator says why and the text stays. */
  const leave = (go: () => void) => async () => {
    if (await flush()) go();
  };

  return (
    <div className="draft-editor">
      <header className="editor-header">
        <h1 className="visually-hidden">Edit draft</h1>
        <button type="button" onClick={() => void leave(onBack)()}>
          Back to drafts
        </button>
        <SaveIndicator state={autosave.state} onRetry={autosave.retry} />
        <span className="word-count">{formatWordCount(words)}</span>
        <PublishControl
          draftId={draft.id}
          publishedUrl={draft.publication.wordpress?.url}
          flush={flush}
          onOpenSettings={() => void leave(onOpenSettings)()}
        />
      </header>
      <main className="article">
        <label className="headline-label" htmlFor={headlineId}>
          Headline
        </label>
        <textarea
          id={headlineId}
          ref={headlineField}
          className="headline-input"
          aria-label="Headline"
          rows={2}
          maxLength={HEADLINE_MAX_CHARS}
          value={headline}
          onChange={(event) => onHeadlineChange(event.target.value)}
          onKeyDown={onHeadlineKeyDown}
        />
        <NewsroomEditor initialBody={draft.article.body} onChange={onBodyChange} onReady={onEditorReady} />
      </main>
    </div>
  );
}
