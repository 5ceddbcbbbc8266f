import { elementNode, textNode } from '../../../shared/editor/body-json';
import type { CommentThread, Stamp } from '../../../shared/model/review';
import type { MethodOutput } from '../../../shared/ipc/contract';
import type { Article, EditorStateJson } from '../../../shared/model/article';
import type { Draft, DraftSummary } from '../../../shared/model/draft';
import type { LogEntry } from '../../../shared/model/publishing';
import type { CmsHarness } from '../publishing/cms-router-testing';
import type { RouterHarness } from '../publishing/router-testing';

/** Test support for the desk inbox (two routers = two people on one CMS). Not imported by app code. */

export const EDITOR: Stamp = { name: 'Test Editor', initials: 'TE', at: '2026-11-29T02:30:00.000Z' };

const paragraph = (children: unknown[]) => elementNode('paragraph', children, { textFormat: 0, textStyle: '' });
const body = (...paragraphs: unknown[][]): EditorStateJson => ({ root: { ...elementNode('root', paragraphs.map(paragraph)), type: 'root' } });

/**
 * The editor's pass over "The council met on Monday.": a suggested insertion (" and Tuesday"), a
 * suggested deletion ("Monday" struck in the second paragraph) and a comment on "council".
 */
export function reviewedBody() {
  return body(
    [
      textNode('The '),
      elementNode('mark', [textNode('council')], { ids: ['thread-1'] }),
      textNode(' met on Monday'),
      elementNode('suggestion', [textNode(' and Tuesday')], { suggestion: { id: 'sug-ins', kind: 'insert', by: EDITOR } }),
      textNode('.'),
    ],
    [textNode('It voted '), elementNode('suggestion', [textNode('twice ')], { suggestion: { id: 'sug-del', kind: 'delete', by: EDITOR } }), textNode('on the budget.')],
  );
}

export const editorThread: CommentThread = {
  id: 'thread-1',
  quote: 'council',
  comments: [{ id: 'comment-1', by: EDITOR, text: 'Which council? Say the city council.' }],
  resolved: null,
};

/** The reporter's answer: insertion accepted, deletion rejected, the comment's anchor gone. */
export function answeredBody() {
  return body([textNode('The council met on Monday and Tuesday.')], [textNode('It voted twice on the budget.')]);
}

export const plainBody = (...paragraphs: string[]) => body(...paragraphs.map((text) => [textNode(text)]));

/** The publish log's entries of one draft for a profile. */
export async function entriesFor(h: RouterHarness, draftId: string, profileId: string): Promise<LogEntry[]> {
  const status = await h.ok<{ entries: LogEntry[] }>('publishing.status', { draftId });
  return status.entries.filter((entry) => entry.profileId === profileId);
}

type Stories = MethodOutput<'desk.list'>['stories'];
type Opened = MethodOutput<'desk.open'>;

/** The desk inbox's entry for one post, or undefined when it is not waiting for review. */
export const listed = async (h: CmsHarness, remoteId: string): Promise<Stories[number] | undefined> =>
  (await h.ok<{ stories: Stories }>('desk.list', { profileId: h.profileId })).stories.find((story) => story.remoteId === remoteId);
export const openFromDesk = (h: CmsHarness, remoteId: string): Promise<Opened> => h.ok<Opened>('desk.open', { profileId: h.profileId, remoteId });
export const draftOf = (h: RouterHarness, id: string): Promise<Draft> => h.ok<Draft>('drafts.open', { id });
export const draftsOf = async (h: RouterHarness): Promise<DraftSummary[]> => (await h.ok<{ drafts: DraftSummary[] }>('drafts.list')).drafts;

/** Saves the draft with some fields changed, as the editor would. */
export async function saveFields(h: RouterHarness, id: string, article: Partial<Article>): Promise<void> {
  const current = await draftOf(h, id);
  await h.ok('drafts.save', { id, article: { ...current.article, ...article } });
}
