import { useCallback, useEffect, useId, useState } from 'react';
import type { CmsProfileView } from '../../../../shared/model/cms-profiles';
import { call } from '../../../api/client';
import { ProfileForm } from './ProfileForm';
import { ProfileItem } from './ProfileItem';
import { blankForm, formFromView, type ProfileFormValues } from './profile-form';
import './profiles.css';

interface Listing {
  profiles: CmsProfileView[];
  defaultProfileId: string;
}

/** The open form: a fresh `session` remounts it, so a new edit never inherits the last one's typing. */
interface Editing {
  session: number;
  initial: ProfileFormValues;
  stored: CmsProfileView | null;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : 'Something went wrong. Please try again.');

/**
 * The desk's publishing destinations (CMS profiles): the list with the default marked, and one
 * form at a time to add or edit a profile. Every change goes through the main side, and the list
 * is read again after it, so what is shown is what is stored.
 */
export function ProfilesSection() {
  const [listing, setListing] = useState<Listing | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  /** A refused delete or default change, in the main side's words. */
  const [actionError, setActionError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const titleId = useId();

  const reload = useCallback(async () => {
    try {
      setListing(await call('profiles.list', {}));
      setLoadError(null);
    } catch (error) {
      setLoadError(errorText(error));
    }
  }, []);

  useEffect(() => {
    let current = true;
    call('profiles.list', {}).then(
      (value) => current && setListing(value),
      (error: unknown) => current && setLoadError(errorText(error)),
    );
    return () => {
      current = false;
    };
  }, []);

  const open = (initial: ProfileFormValues, stored: CmsProfileView | null) => {
    setActionError(null);
    setEditing((prev) => ({ session: (prev?.session ?? 0) + 1, initial, stored }));
  };

  /** Runs a change on the main side, then shows the list as stored; a refusal is shown as said. */
  const act = async (change: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await change();
    } catch (error) {
      setActionError(errorText(error));
    }
    await reload();
  };

  const remove = (profile: CmsProfileView) =>
    act(async () => {
      await call('profiles.delete', { id: profile.id });
      setEditing((prev) => (prev?.stored?.id === profile.id ? null : prev));
    });

  const saved = (view: CmsProfileView) => {
    setEditing((prev) => (prev ? { ...prev, stored: view } : prev));
    void reload();
  };

  // One profile without a real secret store means none has one: it is this computer's, not the profile's.
  const secretsPersist = listing?.profiles.every((profile) => profile.secretPersisted) ?? true;
  return (
    <section className="settings-form profiles" aria-labelledby={titleId}>
      <h2 id={titleId}>Publishing destinations</h2>
      <p className="note">Where stories are published. New drafts use the default; each draft can choose another.</p>
      {loadError && (
        <p role="alert" className="error-text">
          The publishing destinations could not be read: {loadError}
        </p>
      )}
      {actionError && (
        <p role="alert" className="error-text">
          {actionError}
        </p>
      )}
      <ul className="profile-list" aria-label="Publishing destinations" aria-busy={listing === null && loadError === null}>
        {listing?.profiles.map((profile) => (
          <ProfileItem
            key={profile.id}
            profile={profile}
            isDefault={profile.id === listing.defaultProfileId}
            onEdit={() => open(formFromView(profile), profile)}
            onMakeDefault={() => void act(() => call('profiles.setDefault', { id: profile.id }))}
            onDelete={() => void remove(profile)}
          />
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" onClick={() => open(blankForm('wordpress'), null)} disabled={listing === null}>
          Add profile
        </button>
      </div>
      {editing && (
        <ProfileForm
          key={editing.session}
          initial={editing.initial}
          stored={editing.stored}
          secretsPersist={secretsPersist}
          onSaved={saved}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
