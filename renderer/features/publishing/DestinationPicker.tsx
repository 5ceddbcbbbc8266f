import { useId } from 'react';
import type { CmsProfileView } from '../../../shared/model/cms-profiles';

interface Props {
  profiles: readonly CmsProfileView[];
  defaultProfileId: string;
  value: string;
  disabled: boolean;
  onChange: (profileId: string) => void;
}

/** "Publish to": the desk's CMS profiles, the default first and marked. */
export function DestinationPicker({ profiles, defaultProfileId, value, disabled, onChange }: Props) {
  const id = useId();
  const ordered = [...profiles].sort((a, b) => Number(b.id === defaultProfileId) - Number(a.id === defaultProfileId));
  return (
    <span className="destination-picker">
      <label htmlFor={id}>Publish to</label>
      <select id={id} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
        {/* A draft may point at a profile deleted since: say so rather than show another one. */}
        {!profiles.some((profile) => profile.id === value) && <option value={value}>A removed profile</option>}
        {ordered.map((profile) => (
          <option key={profile.id} value={profile.id}>
            {profile.name}
            {profile.id === defaultProfileId ? ' (default)' : ''}
          </option>
        ))}
      </select>
    </span>
  );
}
