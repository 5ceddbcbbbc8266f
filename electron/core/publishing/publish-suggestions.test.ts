import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EditorStateJson } from '../../../shared/model/article';
import { $resolveAll, $selectLive, $suggestInsertText, $textBlocks } from '../../../shared/editor/review/suggestions';
import { ANA, makeEditor } from '../../../shared/editor/review/suggestions-testing';
import { articleWith } from '../drafts/testing';
import { type RouterHarness, startRouter } from './router-testing';

/** Publishing refuses a story whose suggested changes are still open (issue 7), through the router. */
const harnesses: RouterHarness[] = [];
afterEach(async () => {
  while (harnesses.length) await harnesses.pop()?.close();
});

function edited(body: EditorStateJson, run: () => void): EditorStateJson {
  const editor = makeEditor();
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
  editor.update(run, { discrete: true });
  return editor.getEditorState().toJSON() as unknown as EditorStateJson;
}

describe('publishing with suggested changes', () => {
  it('is refused as NOT_READY while one is open, and goes once they are accepted, without review markup', async () => {
    const h = await startRouter();
    harnesses.push(h);
    const { defaultProfileId } = await h.ok<{ defaultProfileId: string }>('profiles.list');
    const article = { ...articleWith('Council votes on budget', 'The vote is tonight.'), byline: ['Ana Ruiz'], section: 'News' };
    const suggested = edited(article.body, () => {
      $selectLive($textBlocks()[0] ?? (undefined as never), 20);
      $suggestInsertText(' Doors open at six.', ANA, 'ins-1');
    });
    const { id } = await h.ok<{ id: string }>('drafts.create');
    await h.ok('drafts.save', { id, article: { ...article, body: suggested } });

    const refused = await h.call('publishing.queue', { draftId: id, profileId: defaultProfileId, kind: 'publish' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'NOT_READY', message: expect.stringContaining('1 suggested change is still open: accept or reject it before publishing.') },
    });

    await h.ok('drafts.save', { id, article: { ...article, body: edited(suggested, () => void $resolveAll({}, true)) } });
    const queued = await h.ok<{ jobId: string }>('publishing.queue', { draftId: id, profileId: defaultProfileId, kind: 'publish' });
    expect(await h.settled(queued.jobId)).toMatchObject({ state: 'done' });
    const page = await readFile(join(h.publishFolder, 'council-votes-on-budget', 'index.md'), 'utf8');
    expect(page).toContain('The vote is tonight. Doors open at six.');
    expect(page).not.toMatch(/<ins|<del|suggestion/);
  });
});
