import { describe, expect, it } from 'vitest';
import { articleWith } from '../drafts/testing';
import { newArticle } from '../../../shared/model/article';
import { type DeskStoryEnvelope, carriesStory, storyComment, storyIn, withoutStory } from './desk-story';

const story = (): DeskStoryEnvelope => ({
  storyId: '0b0c3a36-4a50-4b1a-9a51-3a1f1d9b1c11',
  article: { ...newArticle(), ...articleWith('Tide — “high” <b>', 'Text -- with dashes --> and all.') } as DeskStoryEnvelope['article'],
  review: { status: 'filed', trail: [{ from: 'draft', to: 'filed', by: { name: 'Ana', initials: 'AR', at: '2026-11-29T02:00:00.000Z' } }] },
  revision: 3,
  filedAt: '2026-11-29T02:00:01.000Z',
});

describe('the story carried in a post', () => {
  it('round-trips through one HTML comment that nothing in the story can break', () => {
    const comment = storyComment(story());
    expect(comment).toMatch(/^<!-- newsroom-story v1 [A-Za-z0-9+/=]+ -->$/);
    const content = `<p>Visible.</p>\n\n${comment}\n\n<!-- newsroom:nr-0123456789abcdef01234567 -->`;
    expect(carriesStory(content)).toBe(true);
    expect(storyIn(content)).toEqual(story());
    expect(withoutStory(content)).toBe('<p>Visible.</p>\n\n<!-- newsroom:nr-0123456789abcdef01234567 -->');
  });

  it('is null for a post written on the web, and BAD_RESPONSE for a damaged one', () => {
    expect(storyIn('<p>Hello.</p>')).toBeNull();
    const encoded = (value: unknown) => `<!-- newsroom-story v1 ${Buffer.from(JSON.stringify(value)).toString('base64')} -->`;
    expect(() => storyIn('<!-- newsroom-story v1 not base64! -->')).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE' }));
    expect(() => storyIn(encoded({ ...story(), storyId: 'x' }))).toThrow(/damaged \(some story fields/);
    const badBody = { ...story(), article: { ...story().article, body: { root: { type: 'root', children: [{ type: 'no-such-node', version: 1 }] } } } };
    expect(() => storyIn(encoded(badBody))).toThrow(/its text cannot be loaded/);
  });
});
