import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { EditorState, LexicalEditor } from 'lexical';
import { countBodyWords } from '../../../shared/editor/word-count';
import { HEADLINE_MAX_CHARS, type Article } from '../../../shared/model/article';
import type { Draft } from '../../../shared/model/draft';
import { bodyJsonOf } from '../../editor/body-json';
import { NewsroomEditor } from '../../editor/NewsroomEditor';
import { LiveWordCount } from './live-word-count';
import { PublishControl } from './PublishControl';
import { SaveIndicator } from './SaveIndicator';
import { useAutosave } from './useAutosave';
import { WordCount } from './WordCount';

interface Props {
  draft: Draft;
  onBack: () => void;
  onOpenSettings: () => void;
}

/** Headlines are one line: pasted or typed line breaks become spaces. */
const oneLine = (value: string): string => value.replace(/\s*[\r\n]+\s*/g, ' ');

/**
 * One open draft: headline, body, live word count, autosave and publishing. A keystroke in the
 * body costs the editor's own update and nothing else: the latest Lexical state is kept in a
 * ref (not React state) and turned into JSON only when a save starts; the word count is redone
 * when the page is idle; this component re-renders only when the save state changes.
 */
export function DraftEditor({ draft, onBack, onOpenSettings }: Props) {
  const autosave = useAutosave(draft.id, new Date(draft.updatedAt));
  const { change, flush } = autosave;
  const [headline, setHeadline] = useState(draft.article.headline);
  const headlineRef = useRef(draft.article.headline);
  /** The body's latest state; null while it is still the one that was opened. */
  const bodyState = useRef<EditorState | null>(null);
  const [wordCount] = useState(() => new LiveWordCount(countBodyWords(draft.article.body)));
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

  useEffect(() => () => wordCount.dispose(), [wordCount]);

  const opened = draft.article;
  const readArticle = useCallback(
    (): Article => ({ ...opened, headline: headlineRef.current, body: bodyState.current ? bodyJsonOf(bodyState.current) : opened.body }),
    [opened],
  );

  const onBodyEdit = useCallback(
    (state: EditorState) => {
      bodyState.current = state;
      change(readArticle);
      wordCount.update(state);
    },
    [change, readArticle, wordCount],
  );

  const onHeadlineChange = (value: string) => {
    const clean = oneLine(value);
    headlineRef.current = clean;
    setHeadline(clean);
    change(readArticle);
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
        <SaveIndicator status={autosave.status} onRetry={autosave.retry} />
        <WordCount source={wordCount} />
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
        <NewsroomEditor initialBody={draft.article.body} onEdit={onBodyEdit} onReady={onEditorReady} />
      </main>
    </div>
  );
}
