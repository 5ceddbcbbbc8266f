import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { readBody, inlineText } from '../../../shared/editor/body-model';
import type { EditorStateJson } from '../../../shared/model/article';
import type { Template, TemplateInput } from '../../../shared/model/templates';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { readTemplateForm, EMPTY_TEMPLATE_FORM } from './template-form';
import { TemplatesSection } from './TemplatesSection';

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  cleanup();
  bridge?.uninstall();
});

const builtIn: Template = { id: 'builtin-breaking-news', name: 'Breaking news', builtIn: true, article: { section: 'News' } };

async function renderSection() {
  let templates: Template[] = [builtIn, { id: 'own-1', name: 'Court report', builtIn: false, article: { section: 'Courts' } }];
  bridge = installFakeBridge({
    'templates.list': () => ok({ templates }),
    'templates.save': (input) => {
      const { name, article } = input as TemplateInput;
      if (name === 'Breaking news') return { ok: false, error: { code: 'ALREADY_EXISTS', message: 'There is already a template called “Breaking news”. Choose another name.' } };
      const saved: Template = { id: 'own-2', name, builtIn: false, article };
      templates = [...templates, saved];
      return ok(saved);
    },
    'templates.delete': (input) => {
      templates = templates.filter((t) => t.id !== (input as { id: string }).id);
      return ok({});
    },
  });
  render(<TemplatesSection />);
  await act(async () => {});
  return bridge;
}

const listed = () => within(screen.getByRole('list', { name: 'Story templates' })).getAllByRole('listitem').map((item) => item.textContent);
const form = () => within(screen.getByRole('form', { name: 'Add template' }));
const paragraphs = (body: EditorStateJson | undefined) => readBody(body!).map((block) => ('content' in block ? inlineText(block.content) : block.kind));

describe('Story templates in Settings', () => {
  it('lists built-ins without Delete, adds a template with its fields and a body of paragraphs, deletes the desk’s own', async () => {
    const fake = await renderSection();
    expect(listed()).toEqual(['Breaking news (built in)', 'Court reportDelete']);
    expect(screen.queryByRole('button', { name: 'Delete template Breaking news' })).toBeNull();

    fireEvent.change(form().getByLabelText('Template name'), { target: { value: 'Match report' } });
    fireEvent.change(form().getByLabelText('Section'), { target: { value: 'Sport' } });
    fireEvent.change(form().getByLabelText('Tags'), { target: { value: 'Football, League , Football' } });
    fireEvent.change(form().getByLabelText('Standfirst'), { target: { value: 'WHO beat WHOM.' } });
    fireEvent.change(form().getByLabelText('First paragraph'), { target: { value: 'SCORE and scorers.\n\nTHE TURNING POINT.' } });
    await act(async () => {
      fireEvent.click(form().getByRole('button', { name: 'Add template' }));
    });
    const [sent] = fake.callsTo('templates.save') as TemplateInput[];
    expect(sent).toMatchObject({ name: 'Match report', article: { section: 'Sport', tags: ['Football', 'League'], standfirst: 'WHO beat WHOM.' } });
    expect(paragraphs(sent!.article.body)).toEqual(['SCORE and scorers.', 'THE TURNING POINT.']);
    expect(screen.getByRole('status').textContent).toBe('Template “Match report” added.');
    expect(listed()).toContain('Match reportDelete');
    expect((form().getByLabelText('Template name') as HTMLInputElement).value).toBe('');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Delete template Court report' }));
    });
    expect(fake.callsTo('templates.delete')).toEqual([{ id: 'own-1' }]);
    expect(listed()).toEqual(['Breaking news (built in)', 'Match reportDelete']);
  });

  it('says what to fix before sending, and shows a refusal from main', async () => {
    const fake = await renderSection();
    await act(async () => {
      fireEvent.click(form().getByRole('button', { name: 'Add template' }));
    });
    expect(screen.getByRole('alert').textContent).toBe('Give the template a name.');
    expect(fake.callsTo('templates.save')).toEqual([]);

    fireEvent.change(form().getByLabelText('Template name'), { target: { value: 'Breaking news' } });
    await act(async () => {
      fireEvent.click(form().getByRole('button', { name: 'Add template' }));
    });
    expect(screen.getByRole('alert').textContent).toContain('already a template called “Breaking news”');
  });
});

describe('template form', () => {
  it('leaves the body out when no first paragraph is given, and names the field at fault', () => {
    const empty = readTemplateForm({ ...EMPTY_TEMPLATE_FORM, name: 'Plain' });
    expect(empty).toEqual({ ok: true, input: { name: 'Plain', article: expect.not.objectContaining({ body: expect.anything() as unknown }) as unknown } });
    expect(readTemplateForm({ ...EMPTY_TEMPLATE_FORM, name: 'Long', section: 'x'.repeat(101) })).toMatchObject({ ok: false, message: expect.stringMatching(/^Section: /) as unknown });
  });
});
