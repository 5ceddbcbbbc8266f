import type { StoryFields } from '../../../../shared/model/article';
import type { HouseProfile } from '../../../../shared/model/house-profile';

/** What every group of story fields gets from the panel. */
export interface FieldGroupProps {
  fields: StoryFields;
  update: (patch: Partial<StoryFields>) => void;
  profile: HouseProfile;
}
