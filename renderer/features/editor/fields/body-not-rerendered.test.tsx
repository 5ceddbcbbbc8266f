import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { memo } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import { newArticle } from '../../../../shared/model/article';
import { DEFAULT_HOUSE_PROFILE } from '../../../../shared/model/house-profile';
import { installFakeBridge, ok } from '../../../test-support/fake-bridge';
import { EditorScreen } from '../EditorScreen';

const renders = vi.hoisted(() => ({ count: 0 }));

// The real editor is memo'd; this stand-in is too, and counts how often React renders it.
vi.mock('../../../editor/NewsroomEditor', () => ({
  NewsroomEditor: memo(function CountingEditor() {
    renders.count += 1;
    return <div role="textbox" aria-label="Article body" />;
  }),
}));

afterEach(cleanup);

it('does not re-render the body editor when a story field changes', async () => {
  const ID = '8f1c2f4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f';
  const bridge = installFakeBridge({
    'drafts.open': () =>
      ok({ id: ID, createdAt: '2025-03-12T09:00:00.000Z', updatedAt: '2025-03-12T09:30:00.000Z', revision: 1, article: newArticle(), publication: {}, review: { status: 'draft', trail: [] } }),
    'settings.getHouseProfile': () => ok(DEFAULT_HOUSE_PROFILE),
  });
  render(<EditorScreen draftId={ID} onBack={() => {}} onOpenSettings={() => {}} />);
  await act(async () => {});
  const before = renders.count;
  expect(before).toBeGreaterThan(0);
  for (const [name, value] of [
    ['Headline', 'Budget'],
    ['Standfirst', 'The council agreed'],
    ['Byline', 'Ana'],
    ['Slug', 'budget-2026'],
    ['Editorial note', 'Check'],
  ] as const) {
    fireEvent.change(screen.getByLabelText(name, { selector: 'input, textarea' }), { target: { value } });
  }
  expect(screen.getByText('By Ana')).toBeTruthy(); // the fields did re-render
  expect(renders.count).toBe(before);
  bridge.uninstall();
});
