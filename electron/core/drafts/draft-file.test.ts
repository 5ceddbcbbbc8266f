import { describe, expect, it } from 'vitest';
import { emptyBody, newArticle } from '../../../shared/model/article';
import type { Draft } from '../../../shared/model/draft';
import { checkDraftText, migrateDraftFile, serializeDraft } from './draft-file';

const draft: Draft = {
  id: '0b7c9a56-8f0e-4a35-9a8e-3f1f8a6f2c11',
  createdAt: '2025-01-02T03:04:05.000Z',
  updatedAt: '2025-01-02T03:04:06.000Z',
  revision: 3,
  article: newArticle({ headline: 'Bridge reopens' }),
  publication: {},
  review: { status: 'draft', trail: [] },
};

describe('draft file', () => {
  it('round-trips through a pretty-printed, marked file', () => {
    const text = serializeDraft(draft);
    expect(text.startsWith('{\n  "format": "newsroom-draft",\n  "schemaVersion": 3,\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(checkDraftText(text)).toEqual({ kind: 'ok', draft });
  });

  it('accepts a byte-order mark a Windows editor may add', () => {
    expect(checkDraftText(`\uFEFF${serializeDraft(draft)}`).kind).toBe('ok');
  });

  it('keeps unknown editor-state fields (the body is only checked at its outer shape)', () => {
    const body = { root: { ...emptyBody().root, extra: { kept: true } } };
    const check = checkDraftText(serializeDraft({ ...draft, article: newArticle({ headline: 'x', body }) }));
    expect(check.kind === 'ok' && check.draft.article.body).toEqual(body);
  });

  it.each([
    ['empty', '', 'empty'],
    ['whitespace', ' \n\t', 'empty'],
    ['truncated', serializeDraft(draft).slice(0, 120), 'cut off'],
    ['not JSON', '\u0000\u00ff garbage', 'cut off'],
    ['an array', '[1,2]', 'not a Newsroom draft'],
    ['another format', '{"format":"other","schemaVersion":1}', 'not a Newsroom draft'],
    ['wrong schema', JSON.stringify({ ...JSON.parse(serializeDraft(draft)), revision: -1 }), 'missing or wrong'],
    ['no schemaVersion', JSON.stringify({ ...JSON.parse(serializeDraft(draft)), schemaVersion: undefined }), 'missing or wrong'],
    ['schemaVersion 0 (no migration)', JSON.stringify({ ...JSON.parse(serializeDraft(draft)), schemaVersion: 0 }), 'missing or wrong'],
  ])('reports %s as corrupt', (_name, text, words) => {
    const check = checkDraftText(text);
    expect(check.kind).toBe('corrupt');
    expect(check.kind === 'corrupt' && check.reason).toContain(words);
  });

  it('reports a file from a newer Newsroom as newer, not corrupt, even if its shape changed', () => {
    const text = JSON.stringify({ format: 'newsroom-draft', schemaVersion: 4, somethingNew: [] });
    expect(checkDraftText(text)).toEqual({ kind: 'newer', schemaVersion: 4 });
  });

  it('migrateDraftFile leaves current and unknown input as it is (no migrations yet)', () => {
    const current = JSON.parse(serializeDraft(draft)) as unknown;
    expect(migrateDraftFile(current)).toBe(current);
    expect(migrateDraftFile('x')).toBe('x');
  });
});
