import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGhostEnv, type GhostEnv } from '../../../e2e/host/ghost';
import { articleWith } from '../drafts/testing';
import { cmsRouters, draftWith, liveOf, remoteIdOf, runTag, send, sendOk } from '../publishing/cms-router-testing';
import { GhostAdmin, nextSecond } from '../publishing/ghost/ghost-testing';
import { answeredBody, draftOf, draftsOf, editorThread, listed, openFromDesk, plainBody, reviewedBody, saveFields } from './desk-testing';

/**
 * The desk through a real Ghost (127.0.0.1): a filed story is a draft with the internal tag
 * `#newsroom-desk`, the Newsroom story riding in a hidden HTML card. Two routers are two people.
 */
let env: GhostEnv;
let admin: GhostAdmin;
const RUN = runTag();
beforeAll(async () => {
  env = await readGhostEnv();
  admin = new GhostAdmin(env);
});
afterAll(async () => {
  if (admin) for (const post of await admin.postsContaining(RUN)) await admin.deletePost(post.id);
});
const start = cmsRouters(() => ({ kind: 'ghost', name: 'Test Ghost', adminUrl: env.url, secret: env.adminApiKey }));

async function postOf(id: string) {
  const post = await admin.post(id);
  if (post === null) throw new Error(`Ghost has no post ${id}`);
  return post;
}

describe('the desk through a real Ghost: file, open, send back, publish', () => {
  it('files as a tagged draft carrying the story, opens it elsewhere under the same id, refuses a web edit, publishes without the story', async () => {
    const reporter = await start();
    const editor = await start();
    const headline = `Harbour budget ${RUN}`;
    const id = await draftWith(reporter, articleWith(headline, 'The council met on Monday.', 'It voted twice on the budget.'));

    expect((await sendOk(reporter, id, 'file')).queued.action).toBe('create');
    const postId = await remoteIdOf(reporter, id);
    let post = await postOf(postId);
    expect(post.status).toBe('draft');
    expect(post.tags.map((tag) => tag.slug)).toContain('hash-newsroom-desk');
    expect(post.html).toMatch(/<!-- newsroom-story v1 [A-Za-z0-9+/=]+ -->/);
    expect(post.plaintext ?? '').not.toMatch(/newsroom-story/);
    expect(await liveOf(reporter, id)).toMatchObject({ state: 'in-review' });

    expect(await listed(editor, postId)).toMatchObject({ title: headline, fromNewsroom: true, status: 'draft' });
    expect(await openFromDesk(editor, postId)).toMatchObject({ draftId: id, outcome: 'created' });
    expect((await draftOf(editor, id)).article.body).toEqual((await draftOf(reporter, id)).article.body);

    // Suggestions and a comment travel back on the same post, still a draft on the desk.
    await saveFields(editor, id, { body: reviewedBody(), comments: [editorThread] });
    expect((await sendOk(editor, id, 'file')).queued.action).toBe('update');
    post = await postOf(postId);
    expect(post.status).toBe('draft');
    expect(post.html).not.toMatch(/<ins|<del|<mark|Which council/);

    // The reporter's unsent line is kept as a copy; their own draft takes the editor's version.
    await saveFields(reporter, id, { body: plainBody('The council met on Monday.', 'A line never sent.') });
    const again = await openFromDesk(reporter, postId);
    expect(again).toMatchObject({ draftId: id, outcome: 'updated', message: expect.stringMatching(/your edits \d\d:\d\d/) });
    expect((await draftOf(reporter, id)).article).toMatchObject({ body: reviewedBody(), comments: [editorThread] });
    expect((await draftsOf(reporter)).filter((draft) => draft.headline.startsWith(headline))).toHaveLength(2);

    await saveFields(reporter, id, { body: answeredBody(), comments: [], byline: ['Ana Reporter'], section: 'News' });
    expect((await sendOk(reporter, id, 'file')).queued.action).toBe('update');
    expect(await openFromDesk(editor, postId)).toMatchObject({ outcome: 'updated' });

    // A web edit between opening and publishing: refused as a conflict, the post untouched.
    await nextSecond();
    await admin.retitle(postId, `${headline} (web)`);
    const refused = await send(editor, id, 'publish');
    expect(refused.job).toMatchObject({ state: 'failed', lastError: { code: 'CONFLICT' } });
    expect((await postOf(postId)).status).toBe('draft');
    await editor.ok('outbox.discard', { jobId: refused.queued.jobId });

    expect(await openFromDesk(editor, postId)).toMatchObject({ outcome: 'updated' });
    expect((await sendOk(editor, id, 'publish')).queued.action).toBe('update');
    post = await postOf(postId);
    expect(post.status).toBe('published');
    expect(post.title).toBe(headline);
    expect(post.tags.map((tag) => tag.slug)).not.toContain('hash-newsroom-desk');
    expect(post.html).toContain('The council met on Monday and Tuesday.');
    expect(post.html).not.toMatch(/newsroom-story|<ins|<del|<mark|Which council/);
    expect(await listed(editor, postId)).toBeUndefined();
  });

  it('refuses to file to a folder destination: it has no desk inbox', async () => {
    const h = await start();
    const id = await draftWith(h, articleWith(`Folder ${RUN}`, 'Text.'));
    const { defaultProfileId } = await h.ok<{ defaultProfileId: string }>('profiles.list');
    const folder = (await h.ok<{ profiles: Array<{ id: string; kind: string }> }>('profiles.list')).profiles.find((profile) => profile.kind === 'folder');
    const profileId = folder?.id ?? defaultProfileId;
    expect(await h.call('publishing.queue', { draftId: id, profileId, kind: 'file' })).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
    expect(await h.call('desk.list', { profileId })).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED', message: 'This destination has no desk inbox.' } });
  });
});
