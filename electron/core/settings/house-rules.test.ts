import { describe, expect, it } from 'vitest';
import { DEFAULT_HOUSE_PROFILE, type HouseProfile } from '../../../shared/model/house-profile';
import { HouseRules } from './house-rules';
import { memorySettings, recordingLogger } from './settings-testing';

const custom: HouseProfile = {
  required: ['headline', 'standfirst'],
  budgets: { headline: 70, standfirst: 200, seoTitle: 55, seoDescription: 150 },
  sections: ['Local', 'Sport'],
  timeZone: 'Europe/Madrid',
};

describe('HouseRules', () => {
  it('gives the defaults before anything is saved', () => {
    expect(new HouseRules(memorySettings(), recordingLogger()).get()).toEqual(DEFAULT_HOUSE_PROFILE);
  });

  it('keeps what is saved, and a fresh instance over the same settings reads it back', () => {
    const settings = memorySettings();
    expect(new HouseRules(settings, recordingLogger()).save(custom)).toEqual(custom);
    expect(new HouseRules(settings, recordingLogger()).get()).toEqual(custom);
  });

  it('stores each required field once and trims section names', () => {
    const rules = new HouseRules(memorySettings(), recordingLogger());
    const saved = rules.save({ ...custom, required: ['slug', 'slug', 'byline'], sections: ['  Local '] });
    expect(saved.required).toEqual(['slug', 'byline']);
    expect(saved.sections).toEqual(['Local']);
    expect(rules.get()).toEqual(saved);
  });

  it('refuses a profile that breaks the schema and keeps the stored one', () => {
    const rules = new HouseRules(memorySettings(), recordingLogger());
    rules.save(custom);
    expect(() => rules.save({ ...custom, budgets: { ...custom.budgets, headline: 0 } })).toThrow();
    expect(rules.get()).toEqual(custom);
  });

  it('reads a profile saved before the newsroom time zone existed as UTC, and refuses a zone that does not exist', () => {
    const { timeZone: _zone, ...older } = custom;
    const rules = new HouseRules(memorySettings({ houseProfile: older }), recordingLogger());
    expect(rules.get()).toEqual({ ...custom, timeZone: 'UTC' });
    expect(() => rules.save({ ...custom, timeZone: 'Mars/Olympus_Mons' })).toThrow();
    expect(rules.save({ ...custom, timeZone: 'America/New_York' }).timeZone).toBe('America/New_York');
  });

  it('falls back to the defaults, with a warning, when the stored profile is damaged', () => {
    const logger = recordingLogger();
    const rules = new HouseRules(memorySettings({ houseProfile: { required: ['nonsense'], budgets: 3 } }), logger);
    expect(rules.get()).toEqual(DEFAULT_HOUSE_PROFILE);
    expect(logger.warnings).toHaveLength(1);
  });
});
