import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HOUSE_PROFILE, type HouseProfile } from '../../../shared/model/house-profile';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { HouseRulesForm } from './HouseRulesForm';
import { houseRulesFormValues, readHouseRulesForm, timeZoneOptions } from './house-rules-form';

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  cleanup();
  bridge?.uninstall();
});

const checkbox = (label: string) => screen.getByRole('checkbox', { name: `Required to publish: ${label}` }) as HTMLInputElement;
const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

async function open(stored: HouseProfile = DEFAULT_HOUSE_PROFILE) {
  bridge = installFakeBridge({
    'settings.getHouseProfile': () => ok(stored),
    'settings.saveHouseProfile': (profile) => ok(profile as HouseProfile),
  });
  render(<HouseRulesForm />);
  await act(async () => {});
  return bridge;
}

describe('HouseRulesForm', () => {
  it('shows the stored rules and saves the changed ones', async () => {
    const fake = await open();
    expect(checkbox('Byline').checked).toBe(true);
    expect(checkbox('Standfirst').checked).toBe(false);
    expect(input('Headline budget').value).toBe('90');
    expect(input('Sections').value.split('\n')).toEqual(DEFAULT_HOUSE_PROFILE.sections);

    fireEvent.click(checkbox('Standfirst'));
    fireEvent.click(checkbox('Byline'));
    fireEvent.change(input('SEO title budget'), { target: { value: '65' } });
    fireEvent.change(input('Sections'), { target: { value: 'Local\n\n  Sport \nLocal' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Apply house rules' }));
    });
    expect(fake.callsTo('settings.saveHouseProfile')).toEqual([
      {
        required: ['headline', 'standfirst', 'section', 'slug'],
        budgets: { ...DEFAULT_HOUSE_PROFILE.budgets, seoTitle: 65 },
        sections: ['Local', 'Sport'],
        timeZone: 'UTC',
      },
    ]);
    expect(screen.getByRole('status').textContent).toBe('House rules saved.');
  });

  it('offers the time zones and saves the newsroom one', async () => {
    const fake = await open({ ...DEFAULT_HOUSE_PROFILE, timeZone: 'Europe/London' });
    const zone = screen.getByRole('combobox', { name: 'Newsroom time zone' }) as HTMLSelectElement;
    expect(zone.value).toBe('Europe/London');
    const offered = [...zone.options].map((option) => option.value);
    expect(offered[0]).toBe('UTC');
    expect(offered).toContain('America/New_York');
    expect(screen.getByRole('option', { name: 'America/New York' })).toBeTruthy();
    fireEvent.change(zone, { target: { value: 'Asia/Tokyo' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Apply house rules' }));
    });
    expect(fake.callsTo('settings.saveHouseProfile')).toEqual([{ ...DEFAULT_HOUSE_PROFILE, timeZone: 'Asia/Tokyo' }]);
  });

  it('says plainly what is wrong and sends nothing', async () => {
    const fake = await open();
    fireEvent.change(input('Standfirst budget'), { target: { value: '0' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Apply house rules' }));
    });
    expect(screen.getByRole('alert').textContent).toBe('Standfirst budget: enter a whole number of characters from 1 to 10000.');
    expect(fake.callsTo('settings.saveHouseProfile')).toEqual([]);
  });

  it('shows a refusal from the main side', async () => {
    const fake = await open();
    window.newsroom!.invoke = async (method, input) => {
      fake.calls.push({ method, input });
      return { ok: false, error: { code: 'IO_ERROR', message: 'The settings file could not be written.' } };
    };
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Apply house rules' }));
    });
    expect(screen.getByRole('alert').textContent).toBe('The settings file could not be written.');
  });
});

describe('readHouseRulesForm', () => {
  it('round-trips a profile', () => {
    expect(readHouseRulesForm(houseRulesFormValues(DEFAULT_HOUSE_PROFILE))).toEqual({ ok: true, value: DEFAULT_HOUSE_PROFILE });
  });

  it('refuses budgets that are not whole numbers in range', () => {
    for (const bad of ['', '1.5', '-3', '10001', 'ninety']) {
      const values = houseRulesFormValues(DEFAULT_HOUSE_PROFILE);
      const read = readHouseRulesForm({ ...values, budgets: { ...values.budgets, headline: bad } });
      expect(read.ok).toBe(false);
    }
  });

  it('keeps a stored time zone the runtime does not list, and refuses one that does not exist', () => {
    expect(timeZoneOptions('Etc/GMT+5')).toContain('Etc/GMT+5');
    const values = houseRulesFormValues(DEFAULT_HOUSE_PROFILE);
    expect(readHouseRulesForm({ ...values, timeZone: 'Mars/Olympus' })).toEqual({
      ok: false,
      message: 'Choose a time zone from the list (such as Europe/London).',
    });
  });

  it('refuses an over-long section with its name', () => {
    const read = readHouseRulesForm({ ...houseRulesFormValues(DEFAULT_HOUSE_PROFILE), sections: 'x'.repeat(101) });
    expect(read).toMatchObject({ ok: false, message: expect.stringContaining('too long') });
  });
});
