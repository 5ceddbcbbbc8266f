import { type ReactNode, useEffect, useId, useRef } from 'react';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /** A Close button beside the title (Escape closes it too). */
  closeButton?: boolean;
}

/**
 * A modal <dialog> named by its heading: the browser keeps the focus inside and Escape closes it.
 * Mounted only while open, so each opening starts from fresh state. Used by the publish panel's
 * dialogs and the outbox panel.
 */
export function Modal({ title, onClose, children, className, closeButton = false }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // happy-dom has no showModal; the open attribute still shows it there.
    if (typeof element.showModal === 'function' && !element.open) element.showModal();
    else element.setAttribute('open', '');
    return () => element.close?.();
  }, []);

  const heading = <h2 id={titleId}>{title}</h2>;
  return (
    <dialog
      ref={dialog}
      className={className}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        // happy-dom sends no cancel event on Escape; in Chromium this runs first and the cancel never comes.
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      {closeButton ? (
        <div className="modal-header">
          {heading}
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      ) : (
        heading
      )}
      {children}
    </dialog>
  );
}
