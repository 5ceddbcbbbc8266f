import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../../shared/ipc/contract';
import { fail, type Result } from '../../../../shared/ipc/result';
import { HOLD_REFRESH_MS, type Holder } from '../../../../shared/model/review';
import { invoke } from '../../../api/client';

/**
 * Where this window stands with the draft's hand-off (a drafts folder shared by several machines):
 * - `checking` until main answers, so the editor never opens editable over someone else's hold;
 * - `mine`: this install holds it (refreshed every HOLD_REFRESH_MS, released on leaving);
 * - `held`: someone else was seen recently: read-only, checked again at the same pace, so the
 *   draft becomes editable once they close it;
 * - `stale`: someone else's old hold: the person decides (take over, or only read: `readOnly`);
 * - `free`: the hand-off could not be checked (no name yet, a folder error): editing is not
 *   blocked for that, a local drafts folder has nobody else to collide with.
 */
export type HandoffState =
  | { kind: 'checking' }
  | { kind: 'mine' }
  | { kind: 'held'; holder: Holder }
  | { kind: 'stale'; holder: Holder }
  | { kind: 'readOnly'; holder: Holder }
  | { kind: 'free' };

type Claim = Result<MethodOutput<'handoff.claim'>>;

const isLocked = (state: HandoffState): boolean => state.kind === 'held' || state.kind === 'stale' || state.kind === 'readOnly';

/** The next state after main's answer to a claim. */
function next(prev: HandoffState, result: Claim): HandoffState {
  if (!result.ok) return prev.kind === 'checking' ? { kind: 'free' } : prev;
  const { state: answer, holder } = result.value;
  if (answer === 'mine' || holder === null) return { kind: 'mine' };
  // Someone who chose to read a stale draft stays reading until they take it over.
  if (prev.kind === 'readOnly' && answer === 'stale') return { kind: 'readOnly', holder };
  return { kind: answer, holder };
}

/** `onRegained`: the draft was someone else's and is now ours (reload it: they may have changed it). */
export function useHandoff(draftId: string, onRegained: () => void) {
  const [state, setState] = useState<HandoffState>({ kind: 'checking' });
  // The refresh timer and the answers read the state as it is then, without restarting the timer.
  const stateRef = useRef(state);
  const regained = useRef(onRegained);
  useEffect(() => {
    stateRef.current = state;
    regained.current = onRegained;
  });

  const apply = useCallback((result: Claim) => {
    const prev = stateRef.current;
    const now = next(prev, result);
    stateRef.current = now;
    setState(now);
    if (isLocked(prev) && now.kind === 'mine') regained.current();
  }, []);

  useEffect(() => {
    // A bridge that fails outright counts as a failed check: the draft still opens.
    const claim = () => invoke('handoff.claim', { draftId }).then(apply, () => apply(fail('INTERNAL', 'The hand-off could not be checked.')));
    void claim();
    const timer = setInterval(() => {
      const kind = stateRef.current.kind;
      if (kind === 'mine' || kind === 'held' || kind === 'readOnly') void claim();
    }, HOLD_REFRESH_MS);
    return () => {
      clearInterval(timer);
      // Only our own hold is removed (main checks the install id), so this is safe in every state.
      // A release that cannot be sent (the window is closing) leaves a hold that goes stale by itself.
      invoke('handoff.release', { draftId }).catch(() => undefined);
    };
  }, [draftId, apply]);

  return {
    state,
    locked: isLocked(state),
    takeOver: () => invoke('handoff.claim', { draftId, takeOver: true }).then(apply, () => undefined),
    /** "Check again" without waiting for the next refresh. */
    recheck: () => invoke('handoff.claim', { draftId }).then(apply, () => undefined),
    readOnly: () => setState((prev) => (prev.kind === 'stale' ? { kind: 'readOnly', holder: prev.holder } : prev)),
  };
}
