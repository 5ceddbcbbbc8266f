import { useCallback, useEffect, useRef, useState } from 'react';
import type { EditorState, LexicalEditor } from 'lexical';
import type { Article, StoryFields } from '../../../shared/model/article';
import { DEFAULT_HOUSE_PROFILE } from '../../../shared/model/house-profile';
import type { Draft } from '../../../shared/model/draft';
import { bodyJsonOf } from '../../editor/body-json';
import { NewsroomEditor } from '../../editor/NewsroomEditor';
import { PublishPanel } from '../publishing/PublishPanel';
import { HistoryPanel } from '../versions/HistoryPanel';
import { DeskActions } from '../desk/DeskActions';
import type { ReviewProps } from '../review/review-props';
import { ReviewSidebar } from '../review/ReviewSidebar';
import { StatusControl } from '../review/status/StatusControl';
import { SuggestingToggle } from '../review/suggestions/SuggestingToggle';
import { useSuggestionReadiness } from '../review/suggestions/useSuggestionReadiness';
import { ExportMenu } from './ExportMenu';
import { HeadlineField } from './fields/HeadlineField';
import { StoryFieldsPanel } from './fields/StoryFieldsPanel';
import { useHouseProfile } from './fields/useHouseProfile';
import { useStoryFields } from './fields/useStoryFields';
import { LiveWordCount } from './live-word-count';
import { SaveIndicator } from './SaveIndicator';
import { useAutosave } from './useAutosave';
import { WordCount } from './WordCount';

interface Props {
  draft: Draft;
  onBack: () => void;
  onOpenSettings: () => void;
  /**
   * Someone else holds the draft (the hand-off): it reads as usual, text can be selected and
   * copied, but nothing can be changed, so nothing is saved.
   */
  readOnly?: boolean;
}

/**
 * A restored version replaces the draft in main. Remounting with the draft it returns is the one
 * way the body, every story field and the autosave all start again from the restored text. A newer
 * draft handed down by the screen (for instance reloaded from disk) still wins over it.
 */
export function DraftEditor(props: Props) {
  const [restored, setRestored] = useState<Draft | null>(null);
  const draft = restored !== null && restored.id === props.draft.id && restored.revision > props.draft.revision ? restored : props.draft;
  return <OpenDraft key={`${draft.id}@${draft.revision}`} {...props} draft={draft} onReplaced={setRestored} />;
}

/**
 * One open draft: headline, story fields, body, live word count, autosave and publishing. A
 * keystroke in the body costs the editor's own update and nothing else: the latest Lexical state
 * is kept in a ref (not React state) and turned into JSON only when a save starts; the word count
 * is redone when the page is idle. An edit to a story field re-renders this screen (the counts and
 * the checklist follow it) but never the body editor: its props stay the same objects.
 */
function OpenDraft({ draft, onBack, onOpenSettings, onReplaced, readOnly = false }: Props & { onReplaced: (draft: Draft) => void }) {
  const autosave = useAutosave(draft.id, new Date(draft.updatedAt), draft.revision);
  const { change, flush } = autosave;
  /** The body's latest state; null while it is still the one that was opened. */
  const bodyState = useRef<EditorState | null>(null);
  const [wordCount] = useState(() => new LiveWordCount(draft.article.body));
  const [published, setPublished] = useState(draft.publication.latest !== undefined || draft.publication.wordpress !== undefined);
  const houseProfile = useHouseProfile();
  const headlineField = useRef<HTMLTextAreaElement>(null);
  const editor = useRef<LexicalEditor | null>(null);
  /** The same editor as state, for the review pieces that follow it once it is ready. */
  const [lexical, setLexical] = useState<LexicalEditor | null>(null);
  const onEditorReady = useCallback((instance: LexicalEditor) => {
    editor.current = instance;
    setLexical(instance);
  }, []);

  useEffect(() => {
    // Start at the top: a long story should not open scrolled to wherever a caret was.
    headlineField.current?.focus();
  }, []);

  useEffect(() => () => wordCount.dispose(), [wordCount]);

  useEffect(() => {
    lexical?.setEditable(!readOnly);
  }, [lexical, readOnly]);

  const opened = draft.article;
  const story = useStoryFields(opened, published);
  const { fields, current: currentFields, update: applyEdit, pinSlug } = story;
  const readArticle = useCallback(
    (): Article => ({ ...currentFields(), body: bodyState.current ? bodyJsonOf(bodyState.current) : opened.body }),
    [currentFields, opened],
  );
  const update = useCallback(
    (patch: Partial<StoryFields>) => {
      applyEdit(patch);
      change(readArticle);
    },
    [applyEdit, change, readArticle],
  );

  const onBodyEdit = useCallback(
    (state: EditorState) => {
      bodyState.current = state;
      change(readArticle);
      wordCount.update(state);
    },
    [change, readArticle, wordCount],
  );

  const onHeadlineChange = useCallback((headline: string) => update({ headline }), [update]);
  const onHeadlineEnter = useCallback(() => editor.current?.focus(), []);
  // No save here: a save would make the draft look newer than what was just published. The
  // field shows the slug the site gave the post and keeps it (see applyFieldEdit).
  const onPublished = useCallback(
    (slug: string) => {
      pinSlug(slug);
      setPublished(true);
    },
    [pinSlug],
  );

  /** Leaves only once the text is saved; on failure the indicator says why and the text stays. */
  const leave = (go: () => void) => async () => {
    if (await flush()) go();
  };

  const profile = houseProfile.profile ?? DEFAULT_HOUSE_PROFILE;
  const review: ReviewProps = { draft, editor: lexical, fields, update, readArticle, flush };
  // Open suggested changes hold Publish back in the checklist, as main refuses them on queue.
  const suggestionProblems = useSuggestionReadiness(lexical);
  return (
    // A disabled fieldset turns every field and button off at once for a read-only draft; the
    // texts stay readable (unlike `inert`, which hides them from a screen reader's reading).
    <fieldset className="draft-editor" disabled={readOnly} aria-label={readOnly ? 'Draft (read only)' : undefined}>
      <header className="editor-header">
        <h1 className="visually-hidden">Edit draft</h1>
        <button type="button" onClick={() => void leave(onBack)()}>
          Back to drafts
        </button>
        <StatusControl {...review} />
        <SaveIndicator status={autosave.status} onRetry={autosave.retry} />
        <WordCount source={wordCount} targetWords={fields.targetWords} />
        <SuggestingToggle {...review} />
        <ExportMenu draftId={draft.id} flush={flush} />
        <HistoryPanel draftId={draft.id} flush={flush} readArticle={readArticle} onRestored={onReplaced} />
        <DeskActions {...review} />
        <PublishPanel
          draftId={draft.id}
          flush={flush}
          onOpenSettings={() => void leave(onOpenSettings)()}
          fields={fields}
          houseProfile={houseProfile}
          onPublished={onPublished}
          extraProblems={suggestionProblems}
        />
      </header>
      <div className="editor-columns">
        <main className="article">
          <HeadlineField
            ref={headlineField}
            value={fields.headline}
            budget={profile.budgets.headline}
            onChange={onHeadlineChange}
            onEnter={onHeadlineEnter}
          />
          <NewsroomEditor initialBody={draft.article.body} onEdit={onBodyEdit} onReady={onEditorReady} draftId={draft.id} />
        </main>
        <StoryFieldsPanel draftId={draft.id} published={published} fields={fields} update={update} profile={profile} />
        <ReviewSidebar {...review} />
      </div>
    </fieldset>
  );
}
