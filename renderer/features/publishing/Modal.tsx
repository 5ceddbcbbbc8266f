import { type ReactNode, useEffect, useId, useRef } from 'react';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

/**
 * A modal <dialog> named by its heading: the browser keeps the focus inside and Escape closes it.
 * Mounted only while open, so each opening starts from fresh state.
 */
export function Modal({ title, onClose, children, className }: Props) {
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

  return (
    <dialog
      ref={dialog}
      className={`publish-dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
