import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type Article, newArticle } from '../../../../shared/model/article';
import type { Draft } from '../../../../shared/model/draft';
import { DEFAULT_HOUSE_PROFILE, type HouseProfile } from '../../../../shared/model/house-profile';
import { installFakeBridge, ok } from '../../../test-support/fake-bridge';
import { EditorScreen } from '../EditorScreen';

const ID = '8f1c2f4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f';
const ASSET = `${'c'.repeat(32)}.png`;
const PNG_BYTES = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3];

function draftWith(article: Partial<Article> = {}, publication: Draft['publication'] = {}): Draft {
  return {
    id: ID,
    createdAt: '2025-03-12T09:00:00.000Z',
    updatedAt: '2025-03-12T09:30:00.000Z',
    revision: 1,
    article: newArticle(article),
    publication,
    review: { status: 'draft', trail: [] },
  };
}

const SITE = '11111111-1111-4111-8111-111111111111';
const SITE_PROFILE = { kind: 'wordpress' as const, id: SITE, name: 'Main site', siteUrl: 'https://example.com', username: 'desk', hasSecret: true, secretPersisted: true };

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  cleanup();
  bridge?.uninstall();
});

async function open(draft: Draft, profile: HouseProfile = DEFAULT_HOUSE_PROFILE) {
  bridge = installFakeBridge({
    'drafts.open': () => ok(draft),
    'drafts.save': () => ok({ revision: 2, savedAt: new Date().toISOString(), wordCount: 0 }),
    'settings.getHouseProfile': () => ok(profile),
    'drafts.attachImage': () => ok({ asset: ASSET, mediaType: 'image/png', bytes: PNG_BYTES.length }),
    'drafts.readAsset': () => ok({ mediaType: 'image/png', data: btoa(String.fromCharCode(...PNG_BYTES)) }),
    // One CMS profile, nothing published yet: Publish shows (the publish panel has its own tests).
    'profiles.list': () => ok({ profiles: [SITE_PROFILE], defaultProfileId: SITE }),
    'publishing.status': () => ok({ profileId: SITE, revision: 1, entries: [], live: [] }),
    'outbox.list': () => ok({ jobs: [], problems: [], stoppedProfiles: [] }),
  });
  render(<EditorScreen draftId={ID} onBack={() => {}} onOpenSettings={() => {}} />);
  await act(async () => {});
  return bridge;
}

const field = (name: string) => screen.getByLabelText(name, { selector: 'input, textarea' }) as HTMLInputElement;
const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });

/** Leaves the draft, which saves at once; returns the article that was sent. */
async function savedArticle(): Promise<Article> {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Back to drafts' }));
  });
  const saves = bridge!.callsTo('drafts.save') as Array<{ article: Article }>;
  expect(saves.length).toBeGreaterThan(0);
  return saves.at(-1)!.article;
}

describe('Story fields', () => {
  it('are in a panel named "Story fields"', async () => {
    await open(draftWith());
    const panel = screen.getByRole('region', { name: 'Story fields' });
    for (const name of ['Standfirst', 'Byline', 'Section', 'Tags', 'Slug', 'Dateline place', 'Dateline date', 'SEO title', 'SEO description', 'Editorial note', 'Length target']) {
      expect(within(panel).getByLabelText(name, { selector: 'input, textarea' })).toBeTruthy();
    }
  });

  it('derive the slug from the headline until the slug is edited, and again after a reset', async () => {
    await open(draftWith());
    type('Headline', 'Julian Ávila Polo');
    expect(field('Slug').value).toBe('julian-avila-polo');

    type('Slug', 'Ávila Interview ');
    expect(field('Slug').value).toBe('Ávila Interview '); // as typed, while the field has focus
    fireEvent.blur(field('Slug'));
    expect(field('Slug').value).toBe('avila-interview');
    type('Headline', 'Something else entirely');
    expect(field('Slug').value).toBe('avila-interview');

    let saved = await savedArticle();
    expect(saved).toMatchObject({ headline: 'Something else entirely', slug: 'avila-interview', slugFollowsHeadline: false });

    fireEvent.click(screen.getByRole('button', { name: 'Reset slug from headline' }));
    expect(field('Slug').value).toBe('something-else-entirely');
    saved = await savedArticle();
    expect(saved).toMatchObject({ slug: 'something-else-entirely', slugFollowsHeadline: true });
    // Following again: nothing to reset.
    expect(screen.queryByRole('button', { name: 'Reset slug from headline' })).toBeNull();
  });

  it('keep the slug of a published story, read-only, whatever the headline does', async () => {
    await open(
      draftWith({ headline: 'Old', slug: 'old', slugFollowsHeadline: true }, {
        wordpress: { siteUrl: 'https://example.com', postId: 7, url: 'https://example.com/old', publishedAt: '2025-03-12T10:00:00.000Z', revision: 1 },
      }),
    );
    expect(field('Slug').readOnly).toBe(true);
    expect(screen.getByText('The story is published: its URL stays as it is.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Reset slug from headline' })).toBeNull();
    type('Headline', 'A new headline');
    expect(field('Slug').value).toBe('old');
    expect(await savedArticle()).toMatchObject({ headline: 'A new headline', slug: 'old', slugFollowsHeadline: false });
  });

  it('lock the slug once the story is published from this screen, as the site gave it', async () => {
    const fake = await open(draftWith({ headline: 'First' }), { ...DEFAULT_HOUSE_PROFILE, required: ['headline'] });
    const invoke = window.newsroom!.invoke;
    window.newsroom!.invoke = async (method, input) => {
      if (method === 'publishing.queue') {
        fake.calls.push({ method, input });
        return { ok: true, value: { jobId: '33333333-3333-4333-8333-333333333333', action: 'create' } };
      }
      if (method === 'drafts.open') {
        // The site had a 'first-take' already: it gave this post 'first-take-2', and the main side pinned it.
        return { ok: true, value: draftWith({ headline: 'First take', slug: 'first-take-2', slugFollowsHeadline: false }) };
      }
      return invoke(method, input);
    };
    type('Headline', 'First take');
    expect(field('Slug').value).toBe('first-take');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    });
    expect(fake.callsTo('publishing.queue')).toHaveLength(1);
    // The outbox delivered it: the draft says so.
    await act(async () => {
      fake.emit('drafts.changed', { id: ID, revision: 3, reason: 'published' });
    });
    await act(async () => {});
    expect(field('Slug').readOnly).toBe(true);
    expect(field('Slug').value).toBe('first-take-2');
    type('Headline', 'Second take');
    expect(field('Slug').value).toBe('first-take-2');
  });

  it('read comma-separated bylines and tags, and print the byline', async () => {
    await open(draftWith());
    type('Byline', 'Ana Pérez, ');
    expect(field('Byline').value).toBe('Ana Pérez, '); // the comma stays while typing
    expect(screen.getByText('By Ana Pérez')).toBeTruthy();
    type('Byline', 'Ana Pérez,  Luis Gómez ,, Marta Ruiz');
    expect(screen.getByText('By Ana Pérez, Luis Gómez and Marta Ruiz')).toBeTruthy();
    type('Tags', 'budget, council,');
    type('Section', 'Politics');
    const saved = await savedArticle();
    expect(saved.byline).toEqual(['Ana Pérez', 'Luis Gómez', 'Marta Ruiz']);
    expect(saved.tags).toEqual(['budget', 'council']);
    expect(saved.section).toBe('Politics');
  });

  it('offer the house sections', async () => {
    await open(draftWith(), { ...DEFAULT_HOUSE_PROFILE, sections: ['Local', 'Weather'] });
    const list = document.getElementById(field('Section').getAttribute('list') ?? '');
    expect([...(list?.querySelectorAll('option') ?? [])].map((option) => option.value)).toEqual(['Local', 'Weather']);
  });

  it('count characters against the budgets: warn from 90 %, flag over', async () => {
    await open(draftWith(), { ...DEFAULT_HOUSE_PROFILE, budgets: { headline: 10, standfirst: 280, seoTitle: 5, seoDescription: 155 } });
    const headlineCount = () => document.getElementById(field('Headline').getAttribute('aria-describedby') ?? '')!;
    type('Headline', 'Short');
    expect(headlineCount().dataset.state).toBe('ok');
    expect(within(headlineCount()).getByText('5 / 10')).toBeTruthy();
    type('Headline', 'Nine char');
    expect(headlineCount().dataset.state).toBe('near');
    type('Headline', 'Élevenchars');
    expect(headlineCount().dataset.state).toBe('over');
    expect(headlineCount().textContent).toContain('11 / 10');
    expect(headlineCount().textContent).toContain('1 over budget');
    type('SEO title', 'Too long');
    const seoCount = document.getElementById(field('SEO title').getAttribute('aria-describedby') ?? '')!;
    expect(seoCount.dataset.state).toBe('over');
  });

  it('save the dateline, SEO fields, editorial note and length target', async () => {
    await open(draftWith());
    type('Dateline place', 'KYIV');
    type('Dateline date', '2026-11-28');
    type('SEO title', 'Kyiv budget');
    type('SEO description', 'What the budget means');
    type('Editorial note', 'Check the figures with Ana');
    type('Length target', '400');
    let saved = await savedArticle();
    expect(saved).toMatchObject({
      dateline: { place: 'KYIV', date: '2026-11-28' },
      seoTitle: 'Kyiv budget',
      seoDescription: 'What the budget means',
      editorialNote: 'Check the figures with Ana',
      targetWords: 400,
    });
    type('Length target', '');
    saved = await savedArticle();
    expect(saved.targetWords).toBeNull();
  });
});

describe('The checklist before publishing', () => {
  it('lists what the house rules want and keeps Publish disabled until it is fixed', async () => {
    await open(draftWith({ headline: 'Budget', byline: ['Ana'], section: 'News' }), {
      ...DEFAULT_HOUSE_PROFILE,
      required: ['headline', 'standfirst', 'byline'],
    });
    const publish = screen.getByRole('button', { name: 'Publish' }) as HTMLButtonElement;
    const checklist = screen.getByRole('list', { name: 'Before publishing' });
    expect(within(checklist).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Standfirst is missing.']);
    expect(publish.disabled).toBe(true);
    expect(document.getElementById(publish.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/fixed/);

    type('Standfirst', 'The council agreed.');
    expect(screen.queryByRole('list', { name: 'Before publishing' })).toBeNull();
    expect(publish.disabled).toBe(false);

    type('Headline', '');
    expect(within(screen.getByRole('list', { name: 'Before publishing' })).getByText('Headline is missing.')).toBeTruthy();
    expect(publish.disabled).toBe(true);
  });
});

describe('The featured image', () => {
  it('is sent as base64 to the draft, shown from the draft, described, and removed', async () => {
    const fake = await open(draftWith());
    expect(screen.queryByLabelText('Featured image caption')).toBeNull();
    const file = new File([Uint8Array.from(PNG_BYTES)], 'photo.png', { type: 'image/png' });
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Featured image file'), { target: { files: [file] } });
    });
    await act(async () => {});
    expect(fake.callsTo('drafts.attachImage')).toEqual([{ draftId: ID, fileName: 'photo.png', data: btoa(String.fromCharCode(...PNG_BYTES)) }]);
    expect(fake.callsTo('drafts.readAsset')).toContainEqual({ draftId: ID, asset: ASSET });
    const preview = screen.getByRole('img', { name: 'Preview of the featured image' }) as HTMLImageElement;
    expect(preview.src).toMatch(/^blob:/);

    type('Featured image caption', 'The council chamber');
    type('Featured image credit', 'Ana Pérez');
    type('Featured image alt text', 'Councillors voting');
    expect((await savedArticle()).featuredImage).toEqual({ asset: ASSET, caption: 'The council chamber', credit: 'Ana Pérez', alt: 'Councillors voting' });

    fireEvent.click(screen.getByRole('button', { name: 'Remove featured image' }));
    expect(screen.queryByRole('img')).toBeNull();
    expect((await savedArticle()).featuredImage).toBeNull();
  });

  it('shows why an image was refused', async () => {
    const fake = await open(draftWith());
    fake.calls.length = 0;
    window.newsroom!.invoke = async (method, input) => {
      fake.calls.push({ method, input });
      return method === 'drafts.attachImage'
        ? { ok: false, error: { code: 'INVALID_INPUT', message: 'That file is not an image Newsroom can keep (PNG, JPEG, GIF or WebP).' } }
        : { ok: true, value: {} };
    };
    const file = new File(['not a picture'], 'notes.png', { type: 'image/png' });
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Featured image file'), { target: { files: [file] } });
    });
    await act(async () => {});
    expect(screen.getByRole('alert').textContent).toMatch(/not an image/);
    expect(screen.queryByLabelText('Featured image caption')).toBeNull();
  });
});
