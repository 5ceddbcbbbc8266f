import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '../../../e2e/host/wordpress';
import type { DraftSummary } from '../../../shared/model/draft';
import { draftWith, liveOf, remoteIdOf, send, sendOk } from '../publishing/cms-router-testing';
import { wordpressSuite } from '../publishing/wordpress-suite-testing';
import { articleWith } from '../drafts/testing';
import { answeredBody, draftOf, draftsOf, editorThread, entriesFor, listed, openFromDesk as open, plainBody, reviewedBody, saveFields as save } from './desk-testing';

/**
 * The desk through a real WordPress (127.0.0.1), router to router: two data folders are two
 * people on the same site. The reporter files, the editor lists and opens the story from the
 * desk inbox, suggests and comments, sends it back; the reporter opens it again, answers, files;
 * the editor publishes. Read back through the REST API by a third client (the site's admin).
 */
const wp = wordpressSuite();

interface RawPost {
  status: string;
  title: { raw: string };
  content: { raw: string; rendered: string };
  modified_gmt: string;
}

async function rawPost(id: string): Promise<RawPost> {
  const { status, json } = await wp.admin.call('GET', `/wp/v2/posts/${id}`, { context: 'edit' });
  if (status !== 200) throw new Error(`GET post ${id} -> ${status}`);
  return json as RawPost;
}

describe('the desk through a real WordPress: file, open, send back, publish', () => {
  it('carries the whole story both ways, keeps unsent edits, refuses a web edit, and publishes only the accepted text', async () => {
    const reporter = await wp.start();
    const editor = await wp.start();
    const headline = wp.titled('Council budget');
    // Unfinished (no byline, no section): filing does not apply the house rules.
    const id = await draftWith(reporter, { ...articleWith(headline, 'The council met on Monday.', 'It voted twice on the budget.'), editorialNote: 'Check the vote count.' });

    const filed = await sendOk(reporter, id, 'file');
    expect(filed.queued.action).toBe('create');
    const postId = await remoteIdOf(reporter, id);
    let post = await rawPost(postId);
    expect(post.status).toBe('pending');
    expect(post.content.raw).toMatch(/<!-- newsroom-story v1 [A-Za-z0-9+/=]+ -->/);
    expect(paragraphsOf(post.content.rendered)).toEqual(['The council met on Monday.', 'It voted twice on the budget.']);
    expect(await liveOf(reporter, id)).toMatchObject({ state: 'in-review', lastAction: 'file' });

    // The editor's inbox lists it; opening makes a local draft under the reporter's id.
    expect(await listed(editor, postId)).toMatchObject({ title: headline, fromNewsroom: true, status: 'draft' });
    expect((await listed(editor, postId))?.localDraftId).toBeUndefined();
    const opened = await open(editor, postId);
    expect(opened).toMatchObject({ draftId: id, outcome: 'created' });
    expect((await listed(editor, postId))?.localDraftId).toBe(id);
    const theirs = await draftOf(editor, id);
    expect(theirs.article.headline).toBe(headline);
    expect(theirs.article.editorialNote).toBe('Check the vote count.');
    expect(theirs.article.body).toEqual((await draftOf(reporter, id)).article.body);

    // The editor suggests and comments, and sends it back: the same post, still pending.
    await save(editor, id, { body: reviewedBody(), comments: [editorThread] });
    const back = await sendOk(editor, id, 'file');
    expect(back.queued.action).toBe('update');
    post = await rawPost(postId);
    expect(post.status).toBe('pending');
    // What people see on the site is the text before the suggestions: no review markup.
    expect(paragraphsOf(post.content.rendered)).toEqual(['The council met on Monday.', 'It voted twice on the budget.']);
    expect(post.content.raw).not.toMatch(/<ins|<del|<mark|Which council/);

    // The reporter typed something meanwhile and never sent it: it is kept as a copy.
    await save(reporter, id, { body: plainBody('The council met on Monday.', 'It voted twice on the budget.', 'A line never sent.') });
    const again = await open(reporter, postId);
    expect(again).toMatchObject({ draftId: id, outcome: 'updated' });
    expect(again.message).toMatch(/your edits \d\d:\d\d/);
    const mine = await draftOf(reporter, id);
    expect(mine.article.body).toEqual(reviewedBody());
    expect(mine.article.comments).toEqual([editorThread]);
    const { drafts } = await reporter.ok<{ drafts: DraftSummary[] }>('drafts.list');
    expect(drafts.filter((draft) => draft.headline.startsWith(headline)).map((draft) => draft.headline).toSorted()).toEqual([
      headline,
      expect.stringMatching(/ \(your edits \d\d:\d\d\)$/),
    ]);
    // Opening again with nothing new on the desk changes nothing.
    expect(await open(reporter, postId)).toMatchObject({ outcome: 'updated', message: expect.stringMatching(/already has the latest/) });

    // The reporter accepts the insertion, rejects the deletion, answers the comment, finishes the fields, and files.
    await save(reporter, id, { body: answeredBody(), comments: [], byline: ['Ana Reporter'], section: 'News' });
    expect((await sendOk(reporter, id, 'file')).queued.action).toBe('update');
    expect(await open(editor, postId)).toMatchObject({ draftId: id, outcome: 'updated' });
    expect((await draftOf(editor, id)).article.body).toEqual(answeredBody());
    expect((await draftsOf(editor)).length).toBe(1); // no copy: the editor had nothing unsent

    // Someone edits the post on the site before the editor publishes: refused, not overwritten.
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // modified_gmt has one-second resolution
    const web = await wp.admin.call('POST', `/wp/v2/posts/${postId}`, {}, { title: `${headline} (web)` });
    expect(web.status).toBe(200);
    const refused = await send(editor, id, 'publish');
    expect(refused.job).toMatchObject({ state: 'failed', lastError: { code: 'CONFLICT' } });
    expect((await rawPost(postId)).status).toBe('pending');
    await editor.ok('outbox.discard', { jobId: refused.queued.jobId });

    // Opened again from the desk, the story is the editor's base once more; publishing goes through.
    expect(await open(editor, postId)).toMatchObject({ outcome: 'updated' });
    const published = await sendOk(editor, id, 'publish');
    expect(published.queued.action).toBe('update');
    post = await rawPost(postId);
    expect(post.status).toBe('publish');
    expect(post.title.raw).toBe(headline);
    expect(paragraphsOf(post.content.rendered)).toEqual(['The council met on Monday and Tuesday.', 'It voted twice on the budget.']);
    expect(post.content.raw).toContain('By Ana Reporter');
    expect(post.content.raw).not.toMatch(/newsroom-story|<ins|<del|<mark|Which council|Check the vote count/);
    expect(await listed(editor, postId)).toBeUndefined();
    expect(await editor.call('desk.open', { profileId: editor.profileId, remoteId: postId })).toMatchObject({
      ok: false,
      error: { code: 'CMS_ERROR', message: expect.stringMatching(/already published/) },
    });
    expect((await entriesFor(editor, id, editor.profileId)).at(-1)).toMatchObject({ action: 'publish', state: 'sent', remoteId: postId });
  });

  it('answers in plain words for a post written on the site, one whose story is damaged, and one that is gone', async () => {
    const editor = await wp.start();
    const made = await wp.admin.call('POST', '/wp/v2/posts', {}, { title: wp.titled('Written on the web'), content: '<p>Hello.</p>', status: 'pending' });
    const webId = String((made.json as { id: number }).id);
    expect(await listed(editor, webId)).toMatchObject({ fromNewsroom: false, author: expect.any(String) });
    expect(await editor.call('desk.open', { profileId: editor.profileId, remoteId: webId })).toMatchObject({
      ok: false,
      error: { code: 'CMS_ERROR', message: expect.stringMatching(/not filed from Newsroom/) },
    });

    const bad = await wp.admin.call('POST', '/wp/v2/posts', {}, {
      title: wp.titled('Damaged'),
      content: `<p>Hi.</p>\n\n<!-- newsroom-story v1 ${Buffer.from('{"storyId":"nope"}').toString('base64')} -->`,
      status: 'pending',
    });
    const badId = String((bad.json as { id: number }).id);
    expect(await listed(editor, badId)).toMatchObject({ fromNewsroom: true });
    expect(await editor.call('desk.open', { profileId: editor.profileId, remoteId: badId })).toMatchObject({
      ok: false,
      error: { code: 'BAD_RESPONSE', message: expect.stringMatching(/damaged/) },
    });
    expect((await draftsOf(editor)).length).toBe(0);

    await wp.admin.deletePost(Number(badId));
    expect(await editor.call('desk.open', { profileId: editor.profileId, remoteId: badId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('opens a copy of a filed post (duplicated on the site) as a new draft, leaving the draft of the original alone', async () => {
    const reporter = await wp.start();
    const headline = wp.titled('Harbour fire');
    const id = await draftWith(reporter, articleWith(headline, 'Two boats burned.'));
    await sendOk(reporter, id, 'file');
    const postId = await remoteIdOf(reporter, id);
    // Someone duplicates the post on the site: the copy carries the same Newsroom story (and id).
    const original = await rawPost(postId);
    const dup = await wp.admin.call('POST', '/wp/v2/posts', {}, { title: `${headline} (copy)`, content: original.content.raw, status: 'pending' });
    const dupId = String((dup.json as { id: number }).id);
    await save(reporter, id, { body: plainBody('Two boats burned at dawn.') });

    // Only the original is "opened here"; the copy is another story.
    expect((await listed(reporter, postId))?.localDraftId).toBe(id);
    expect((await listed(reporter, dupId))?.localDraftId).toBeUndefined();
    const opened = await open(reporter, dupId);
    expect(opened.outcome).toBe('created');
    expect(opened.draftId).not.toBe(id);
    expect((await draftOf(reporter, opened.draftId)).article.headline).toBe(headline);
    // The reporter's own draft still has their newer text, and no "(your edits)" copy was needed.
    expect(JSON.stringify((await draftOf(reporter, id)).article.body)).toContain('Two boats burned at dawn.');
    expect((await draftsOf(reporter)).map((d) => d.headline).filter((h) => h.includes('your edits'))).toEqual([]);
  });
});

