import { useEffect, useRef, useState } from 'react';
import type { Stamp } from '../../../../shared/model/review';
import { useCurrentUser } from '../current-user';
import type { ReviewProps } from '../review-props';
import { registerSuggesting } from './suggesting-commands';
import './suggestions.css';

/**
 * Editing / Suggesting switch for the body (issue 7). While it is on, typing, deleting and
 * formatting become suggestions stamped with the current user; an edit that cannot be suggested
 * (joining paragraphs…) is refused with the reason shown here. Suggestions need a name to carry,
 * so without a user the switch is off and says why.
 */
export function SuggestingToggle({ editor }: ReviewProps) {
  const { user, loaded, stamp } = useCurrentUser();
  const [on, setOn] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const latestStamp = useRef<() => Stamp | null>(stamp);
  useEffect(() => {
    latestStamp.current = stamp;
  }, [stamp]);

  const active = on && user !== null && editor !== null;
  useEffect(() => {
    if (!active || editor === null) return undefined;
    return registerSuggesting(editor, () => latestStamp.current(), setNotice);
  }, [active, editor]);

  return (
    <div className="suggesting-toggle">
      <button
        type="button"
        className="suggesting-switch"
        aria-label="Suggesting"
        aria-pressed={active}
        title={active ? 'Your edits are suggestions. Click to edit directly.' : 'Click to suggest changes instead of editing directly.'}
        disabled={user === null || editor === null}
        onClick={() => {
          setOn((value) => !value);
          setNotice(null);
        }}
      >
        <span className={active ? 'mode' : 'mode mode-current'}>Editing</span>
        <span className={active ? 'mode mode-current' : 'mode'}>Suggesting</span>
      </button>
      {loaded && user === null && <span className="suggesting-note">Set your name in Settings to suggest changes.</span>}
      {notice !== null && (
        <span role="alert" className="suggesting-note error-text">
          {notice}
        </span>
      )}
    </div>
  );
}
