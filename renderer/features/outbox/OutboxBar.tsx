import { useEffect, useRef, useState } from 'react';
import { OutboxDialog } from './OutboxDialog';
import { indicatorName, indicatorText, needsAttention, offlineWords } from './outbox-words';
import { useOutbox } from './useOutbox';
import { useWakeWhenOnline } from './useWakeWhenOnline';
import './outbox.css';

/**
 * The outbox in the app's chrome: a status bar along the bottom of the window, the same on every
 * screen (the screens have their own headers), so the count of stories not yet sent is always in
 * view. It owns the one outbox subscription and the `online` listener. The button opens the panel.
 */
export function OutboxBar() {
  const outbox = useOutbox();
  const { online, wakeError } = useWakeWhenOnline();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const attention = outbox.jobs.filter(needsAttention).length;
  const unreadable = outbox.status === 'failed';
  const reading = outbox.status === 'loading';
  const name = unreadable ? 'Outbox, could not be read' : reading ? 'Outbox, reading' : indicatorName(outbox.count, attention);
  const text = unreadable ? 'Outbox: could not be read' : reading ? 'Outbox: …' : indicatorText(outbox.count);

  const wasOpen = useRef(false);

  useEffect(() => {
    // Focus goes back to the indicator only once the dialog has closed: while a modal dialog is
    // open the rest of the page is inert and cannot take the focus.
    if (!open && wasOpen.current) button.current?.focus();
    wasOpen.current = open;
  }, [open]);

  return (
    <>
      {/* Keeps the end of every screen clear of the fixed bar. */}
      <div className="outbox-bar-spacer" aria-hidden="true" />
      <footer className="outbox-bar">
        <button
          type="button"
          ref={button}
          className={`outbox-indicator${attention > 0 || unreadable ? ' warning' : ''}`}
          aria-label={name}
          aria-haspopup="dialog"
          onClick={() => setOpen(true)}
        >
          {text}
          {attention > 0 && <span className="outbox-attention"> · {attention} need{attention === 1 ? 's' : ''} attention</span>}
        </button>
        {!online && (
          <p role="status" className="outbox-offline">
            {offlineWords(outbox.count)}
          </p>
        )}
        {wakeError !== null && (
          <p role="alert" className="error-text outbox-wake-error">
            {wakeError}
          </p>
        )}
      </footer>
      {open && <OutboxDialog outbox={outbox} onClose={() => setOpen(false)} />}
    </>
  );
}
