import { useId } from 'react';
import { useCurrentUser } from '../current-user';
import { UserForm } from './UserForm';

/** Settings → Your name: change the name and initials shown on sign-offs, comments and suggestions. */
export function UserSection() {
  const { loaded } = useCurrentUser();
  const titleId = useId();
  return (
    <section className="user-section" aria-labelledby={titleId}>
      <h2 id={titleId}>Your name</h2>
      <p>Shown on every status change, comment, suggestion and version you make.</p>
      {/* Mounted once loaded, so the form starts from the saved name. */}
      {loaded && <UserForm submitLabel="Save name" />}
    </section>
  );
}
