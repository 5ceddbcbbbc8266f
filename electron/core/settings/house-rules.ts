import { DEFAULT_HOUSE_PROFILE, type HouseProfile, HouseProfileSchema } from '../../../shared/model/house-profile';
import type { Logger, SettingsStore } from '../ports';
import type { AppSettings } from './app-settings';

/**
 * The desk's house profile (required fields, character budgets, sections). A stored profile that
 * no longer parses (hand-edited, or from another version) falls back to the defaults, logged,
 * rather than stopping every publish.
 */
export class HouseRules {
  constructor(
    private readonly settings: SettingsStore<AppSettings>,
    private readonly logger: Logger,
  ) {}

  get(): HouseProfile {
    const stored = this.settings.get('houseProfile');
    if (stored === undefined) return DEFAULT_HOUSE_PROFILE;
    const parsed = HouseProfileSchema.safeParse(stored);
    if (parsed.success) return parsed.data;
    this.logger.warn('house profile in settings is not valid; using the defaults');
    return DEFAULT_HOUSE_PROFILE;
  }

  save(profile: HouseProfile): HouseProfile {
    const clean = HouseProfileSchema.parse({ ...profile, required: [...new Set(profile.required)] });
    this.settings.set('houseProfile', clean);
    return clean;
  }
}
