import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newArticle } from '../../../shared/model/article';
import { DEFAULT_HOUSE_PROFILE } from '../../../shared/model/house-profile';
import type { PublishStatus } from '../../../shared/model/publishing';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import type { HouseProfileLoad } from '../editor/fields/useHouseProfile';
import { DRAFT, entry, FOLDER, job, JOB, PROFILES, SITE, statusWith } from './panel-fixture';
import { PublishPanel } from './PublishPanel';

const house: HouseProfileLoad = { kind: 'ready', profile: { ...DEFAULT_HOUSE_PROFILE, required: ['headline'], timeZone: 'Europe/London' } };
const fields = newArticle({ headline: 'Council budget' });

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  cleanup();
  bridge?.uninstall();
});

type Handlers = Parameters<typeof installFakeBridge>[0];

/** The panel over a fake main side whose status the test changes as the outbox would. */
async function mount(initial: PublishStatus = statusWith(), handlers: Handlers = {}, props: { flush?: () => Promise<boolean>; fields?: typeof fields } = {}) {
  const state = { status: initial };
  const onPublished = vi.fn();
  const onOpenSettings = vi.fn();
  bridge = installFakeBridge({
    'profiles.list': () => ok({ profiles: PROFILES, defaultProfileId: FOLDER }),
    'publishing.status': () => ok(state.status),
    'outbox.list': () => ok({ jobs: [], problems: [], stoppedProfiles: [] }),
    'publishing.queue': () => ok({ jobId: JOB, action: 'create' }),
    'publishing.chooseProfile': () => ok({}),
    ...handlers,
  });
  render(
    <PublishPanel
      draftId={DRAFT}
      flush={props.flush ?? (async () => true)}
      onOpenSettings={onOpenSettings}
      fields={props.fields ?? fields}
      houseProfile={house}
      onPublished={onPublished}
    />,
  );
  await act(async () => {});
  const emit = async (event: 'outbox.changed' | 'drafts.changed', payload: unknown) => {
    await act(async () => bridge!.emit(event, payload));
    await act(async () => {});
  };
  return { fake: bridge, state, onPublished, onOpenSettings, emit };
}

const click = async (name: string | RegExp, within_: HTMLElement = document.body) => {
  await act(async () => {
    fireEvent.click(within(within_).getByRole('button', { name }));
  });
};
const outcomeText = () => screen.getAllByRole('status').map((node) => node.textContent);

describe('PublishPanel', () => {
  it('lists the profiles with the default first, starts at the draft’s own and changes it', async () => {
    const { fake } = await mount();
    const select = screen.getByLabelText('Publish to') as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent)).toEqual(['Site folder (default)', 'Main site']);
    expect(select.value).toBe(SITE);
    await act(async () => {
      fireEvent.change(select, { target: { value: FOLDER } });
    });
    expect(fake.callsTo('publishing.chooseProfile')).toEqual([{ draftId: DRAFT, profileId: FOLDER }]);
  });

  it('saves, queues, and follows the job to the live address; then offers Update', async () => {
    const order: string[] = [];
    const { fake, state, emit } = await mount(statusWith(), {}, { flush: async () => (order.push('flush'), true) });
    expect(screen.getByRole('status', { name: 'Live status' }).textContent).toBe('Not published yet');
    await click('Publish');
    expect(order).toEqual(['flush']);
    expect(fake.callsTo('publishing.queue')).toEqual([{ draftId: DRAFT, profileId: SITE, kind: 'publish' }]);
    expect(outcomeText()).toContain('Queued for Main site.');

    await emit('outbox.changed', { job: job({ state: 'sending' }), pending: 1 });
    expect(outcomeText()).toContain('Sending…');

    state.status = statusWith({
      entries: [entry({ state: 'sent', url: 'https://news.example/budget' })],
      live: [{ profileId: SITE, profileName: 'Main site', state: 'up-to-date', url: 'https://news.example/budget' }],
    });
    await emit('outbox.changed', { job: job({ state: 'done', url: 'https://news.example/budget' }), pending: 0 });
    expect(outcomeText()).toContain('Published: https://news.example/budget');
    const badge = screen.getByRole('status', { name: 'Live status' });
    expect(badge.textContent).toContain('Live — up to date');
    expect(within(badge).getByRole('link').getAttribute('target')).toBe('_blank');
    expect(screen.getByRole('button', { name: 'Update' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Publish' })).toBeNull();

    // A save makes the live copy older than the draft: the badge says so after the refresh.
    state.status = { ...state.status, live: [{ profileId: SITE, profileName: 'Main site', state: 'behind', url: 'https://news.example/budget' }] };
    await emit('drafts.changed', { id: DRAFT, revision: 3, reason: 'saved' });
    expect(screen.getByRole('status', { name: 'Live status' }).textContent).toContain('Live copy is behind your draft');
    await click('Update');
    expect(fake.callsTo('publishing.queue').at(-1)).toMatchObject({ kind: 'update' });
  });

  it('does not queue when the text could not be saved first', async () => {
    const { fake } = await mount(statusWith(), {}, { flush: async () => false });
    await click('Publish');
    expect(fake.callsTo('publishing.queue')).toEqual([]);
    expect(screen.getByRole('alert').textContent).toMatch(/could not be saved first/);
  });

  it('sends an embargo with the publish and says it in newsroom and local time', async () => {
    const { fake } = await mount();
    fireEvent.change(screen.getByLabelText('Embargo until'), { target: { value: '2030-06-01T09:30' } });
    expect(screen.getByText(/^Embargoed until 1 Jun 2030, .* in London \(Europe\/London\) · .*your time$/)).toBeTruthy();
    await click('Publish');
    const sent = fake.callsTo('publishing.queue')[0] as { embargoUntil: string };
    expect(Date.parse(sent.embargoUntil)).toBe(new Date(2030, 5, 1, 9, 30).getTime());
  });

  it('schedules for the time picked', async () => {
    const { fake } = await mount();
    await click('Schedule…');
    const dialog = screen.getByRole('dialog', { name: 'Schedule on Main site' });
    await click('Schedule', dialog);
    expect(within(dialog).getByRole('alert').textContent).toBe('Choose the date and time the story should go live.');
    fireEvent.change(within(dialog).getByLabelText('Publish at'), { target: { value: '2031-01-02T14:00' } });
    expect(within(dialog).getByText(/^Goes live 2 Jan 2031, .* in London/)).toBeTruthy();
    await click('Schedule', dialog);
    const sent = fake.callsTo('publishing.queue')[0] as { kind: string; publishAt: string };
    expect(sent.kind).toBe('schedule');
    expect(Date.parse(sent.publishAt)).toBe(new Date(2031, 0, 2, 14, 0).getTime());
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('unpublishes after asking, and publishes a correction only with a note', async () => {
    const live = statusWith({ live: [{ profileId: SITE, profileName: 'Main site', state: 'up-to-date', url: 'https://news.example/a' }] });
    const { fake } = await mount(live);
    await click('Unpublish');
    await click('Unpublish', screen.getByRole('dialog', { name: 'Unpublish from Main site?' }));
    expect(fake.callsTo('publishing.queue')).toEqual([{ draftId: DRAFT, profileId: SITE, kind: 'unpublish' }]);

    await click('Correction…');
    const dialog = screen.getByRole('dialog', { name: 'Correction on Main site' });
    await click('Publish correction', dialog);
    expect(within(dialog).getByRole('alert')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Correction note'), { target: { value: ' The vote was 12 to 9. ' } });
    await click('Publish correction', dialog);
    expect(fake.callsTo('publishing.queue').at(-1)).toEqual({ draftId: DRAFT, profileId: SITE, kind: 'correction', correctionNote: 'The vote was 12 to 9.' });
  });

  it('shows a refusal and offers Settings when the profile is not set up', async () => {
    const { onOpenSettings } = await mount(statusWith(), {
      'publishing.queue': () => ({ ok: false, error: { code: 'NOT_CONFIGURED', message: 'Enter the password for Main site first.' } }),
    });
    await click('Publish');
    expect(screen.getByRole('alert').textContent).toBe('Enter the password for Main site first.');
    await click('Open Settings');
    expect(onOpenSettings).toHaveBeenCalled();
  });

  it('says a job needs attention and tries it again', async () => {
    const { fake, emit } = await mount(statusWith(), { 'outbox.retry': () => ok({}) });
    await click('Publish');
    await emit('outbox.changed', { job: job({ state: 'failed', lastError: { code: 'CMS_ERROR', message: 'The site rejected the tags.' } }), pending: 1 });
    expect(screen.getByRole('alert').textContent).toBe('Needs attention: The site rejected the tags.');
    await click('Try again');
    expect(fake.callsTo('outbox.retry')).toEqual([{ jobId: JOB }]);
    await emit('outbox.changed', { job: job({ state: 'waiting', lastError: { code: 'UNREACHABLE', message: 'No network.' } }), pending: 1 });
    expect(outcomeText()).toContain('Offline — will send when Main site is reachable.');
  });

  it('pins the slug the site gave once the publish is done', async () => {
    const { onPublished, emit } = await mount(statusWith(), {
      'drafts.open': () => ok({ id: DRAFT, createdAt: '2026-11-28T09:00:00Z', updatedAt: '2026-11-28T09:00:00Z', revision: 3, article: newArticle({ slug: 'budget-2', slugFollowsHeadline: false }), publication: {} }),
    });
    await emit('drafts.changed', { id: '99999999-9999-4999-8999-999999999999', revision: 1, reason: 'published' });
    expect(onPublished).not.toHaveBeenCalled();
    await emit('drafts.changed', { id: DRAFT, revision: 3, reason: 'published' });
    expect(onPublished).toHaveBeenCalledWith('budget-2');
  });

  it('keeps Publish disabled while the house rules want something, but not Unpublish', async () => {
    const live = statusWith({ live: [{ profileId: SITE, profileName: 'Main site', state: 'scheduled', publishAt: '2031-01-01T10:00:00Z' }] });
    await mount(live, {}, { fields: newArticle() });
    expect((screen.getByRole('button', { name: 'Publish' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(screen.getByRole('list', { name: 'Before publishing' })).getByText('Headline is missing.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Unpublish' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByRole('status', { name: 'Live status' }).textContent).toMatch(/^Scheduled for 1 Jan 2031, 10:00 in London/);
  });
});
