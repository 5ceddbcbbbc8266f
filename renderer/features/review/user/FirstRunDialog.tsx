import { useState } from 'react';
import { Modal } from '../../../components/Modal';
import { useCurrentUser } from '../current-user';
import { UserForm } from './UserForm';

/**
 * The first time Newsroom opens, it asks who is at this machine: sign-offs, comments, suggestions
 * and versions all carry the name. Escape puts it off for this session (status changes then say
 * to set a name first); Settings → Your name changes it later.
 */
export function FirstRunDialog() {
  const { user, loaded } = useCurrentUser();
  const [putOff, setPutOff] = useState(false);
  if (!loaded || user !== null || putOff) return null;
  return (
    <Modal title="Welcome to Newsroom" onClose={() => setPutOff(true)} className="first-run-dialog">
      <p>What is your name? Your desk sees it on every status change, comment and suggestion you make.</p>
      <UserForm submitLabel="Start writing" />
    </Modal>
  );
}
