import { useState } from 'react';
import type { CmsProfileView } from '../../../../shared/model/cms-profiles';
import { destinationOf, KIND_LABELS, secretStateText } from './profile-form';

interface Props {
  profile: CmsProfileView;
  isDefault: boolean;
  onEdit: () => void;
  onMakeDefault: () => void;
  onDelete: () => void;
}

/**
 * One publishing destination in the list. Deleting asks first, in the row itself rather than in
 * a browser dialog, so the question is read in place and keyboard focus stays in the list.
 */
export function ProfileItem({ profile, isDefault, onEdit, onMakeDefault, onDelete }: Props) {
  const [confirming, setConfirming] = useState(false);
  const secret = secretStateText(profile);
  return (
    <li className="profile-item">
      <div className="profile-summary">
        <strong className="profile-name">{profile.name}</strong>
        {isDefault && <span className="profile-default">Default</span>}
        <span className="profile-kind">{KIND_LABELS[profile.kind]}</span>
        <span className="profile-destination">{destinationOf(profile)}</span>
        {secret && <span className="note profile-secret">{secret}</span>}
      </div>
      {confirming ? (
        <div className="profile-actions" role="group" aria-label={`Delete ${profile.name}?`}>
          <span>Delete “{profile.name}”? Stories already published there stay as they are.</span>
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirming(false);
              onDelete();
            }}
          >
            Yes, delete
          </button>
          <button type="button" autoFocus onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <div className="profile-actions">
          <button type="button" onClick={onEdit}>
            Edit
          </button>
          {!isDefault && (
            <button type="button" onClick={onMakeDefault}>
              Make default
            </button>
          )}
          <button type="button" onClick={() => setConfirming(true)}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
