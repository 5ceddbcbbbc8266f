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
  const { user, loaded, installId } = useCurrentUser();
  const [putOff, setPutOff] = useState(false);
  // installId is set only when main answered: a failed read is not a first run (no welcome over an error).
  if (!loaded || installId === '' || user !== null || putOff) return null;
  return (
    <Modal title="Welcome to Newsroom" onClose={() => setPutOff(true)} className="first-run-dialog">
      <p>What is your name? Your desk sees it on every status change, comment and suggestion you make.</p>
      <UserForm submitLabel="Start writing" />
    </Modal>
  );
}
