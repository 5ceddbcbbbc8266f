import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { EditorState, LexicalEditor } from 'lexical';
import { memo, useState } from 'react';
import { emptyBody, type EditorStateJson } from '../../shared/model/article';
import { isSafeLinkUrl } from '../../shared/url-policy';
import { FindReplacePlugin } from './extensions/FindReplace/FindReplacePlugin';
import { registerLinkPolicy } from './extensions/LinkPolicy';
import { registerCleanPaste } from './extensions/Paste';
import { registerArticleShortcuts } from './extensions/Shortcuts';
import { registerTextFormatPolicy } from './extensions/TextFormatPolicy';
import { InsertPanelsPlugin } from './insert/InsertPanels';
import { PullQuoteBarPlugin } from './insert/PullQuoteBar';
import { SlashMenuPlugin } from './insert/SlashMenuPlugin';
import { DraftIdContext } from './nodes/draft-context';
import { EDITOR_NODES } from './nodes/editor-nodes';
import { ReadyPlugin } from './plugins/ReadyPlugin';
import { RegisterPlugin } from './plugins/RegisterPlugin';
import { ReportChangesPlugin } from './plugins/ReportChangesPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { ShortcutsSheetPlugin } from './shortcuts/ShortcutsSheet';
import { articleTheme } from './theme';
import { ARTICLE_TRANSFORMERS } from './transformers';
import './editor.css';

export interface NewsroomEditorProps {
  /** Read once, when the editor mounts: remount (change `key`) to load another document. */
  initialBody: EditorStateJson;
  /**
   * Every content change, as the committed Lexical state: free to report, serialise it with
   * `bodyJsonOf` when the JSON is needed (a save). The editor never saves anything itself.
   */
  onEdit?: (state: EditorState) => void;
  /** Every content change, as JSON: serialises the whole document on every keystroke. */
  onChange?: (body: EditorStateJson) => void;
  /** For tests and for screens that need to focus or inspect the editor. */
  onReady?: (editor: LexicalEditor) => void;
  /** The draft being edited: images are read from and added to its folder. */
  draftId?: string | undefined;
}

/**
 * The article body editor. Controlled from outside (DESIGN.md §5): it takes a document and reports
 * changes; storage, autosave and word counts belong to the screen around it.
 */
export const NewsroomEditor = memo(function NewsroomEditor({ initialBody, onEdit, onChange, onReady, draftId }: NewsroomEditorProps) {
  // Built once: LexicalComposer reads initialConfig only on mount anyway.
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'newsroom-article',
    // The shared node list with the image and embed drawn as cards (same types, same JSON).
    nodes: EDITOR_NODES,
    theme: articleTheme,
    // Lexical's setEditorState refuses a root without children; an empty body is one paragraph.
    editorState: JSON.stringify(initialBody.root.children.length > 0 ? initialBody : emptyBody()),
    onError: (error: Error) => {
      // Errors inside an update are reported, not rethrown: losing the page would lose the text.
      console.error('Editor error', error);
    },
  }));

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <DraftIdContext.Provider value={draftId ?? null}>
        <div className="editor-shell">
          <ToolbarPlugin />
          <FindReplacePlugin />
          <InsertPanelsPlugin />
          <PullQuoteBarPlugin />
          <div className="editor-surface">
            <RichTextPlugin
              contentEditable={
                <ContentEditable
                  className="editor-input"
                  ariaLabel="Article body"
                  ariaMultiline
                  spellCheck
                  aria-placeholder="Write the story…"
                  placeholder={<div className="editor-placeholder">Write the story…</div>}
                />
              }
              ErrorBoundary={LexicalErrorBoundary}
            />
          </div>
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={isSafeLinkUrl} />
        <MarkdownShortcutPlugin transformers={ARTICLE_TRANSFORMERS} />
        <RegisterPlugin register={registerLinkPolicy} />
        <RegisterPlugin register={registerTextFormatPolicy} />
        <RegisterPlugin register={registerCleanPaste} />
        <RegisterPlugin register={registerArticleShortcuts} />
        <SlashMenuPlugin />
        <ShortcutsSheetPlugin />
        <ReportChangesPlugin onEdit={onEdit} onChange={onChange} />
        {onReady && <ReadyPlugin onReady={onReady} />}
      </DraftIdContext.Provider>
    </LexicalComposer>
  );
});

