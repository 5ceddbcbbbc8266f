import { useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import type { MethodOutput } from '../../../shared/ipc/contract';
import './export-menu.css';

export interface ExportMenuProps {
  draftId: string;
  /** Saves pending edits; resolves false when the save failed (the export reads the saved draft). */
  flush: () => Promise<boolean>;
}

type Format = 'html' | 'md' | 'txt' | 'docx';

const CHOICES: ReadonlyArray<{ format: Format; label: string }> = [
  { format: 'html', label: 'Web page (.html)' },
  { format: 'md', label: 'Markdown (.md)' },
  { format: 'txt', label: 'Plain text (.txt)' },
  { format: 'docx', label: 'Word (.docx)' },
];

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; fileName: string } | { kind: 'failed'; message: string };

function blobOf(file: MethodOutput<'drafts.export'>): Blob {
  if (file.encoding === 'utf8') return new Blob([file.data], { type: file.mediaType });
  const binary = atob(file.data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: file.mediaType });
}

/** Hands the file to the browser's download: Electron shows a save dialog, Playwright a download event. */
function download(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; release ours after the current task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * "Export" on the draft screen: the saved story (with its fields, without the editorial note) as a
 * web page, Markdown, plain text or Word file. Saves first, because the export reads the saved draft.
 */
export function ExportMenu({ draftId, flush }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  /** Off by default: comments and suggestions leave the app only when asked for. */
  const [review, setReview] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const close = (event: MouseEvent) => {
      if (!menuRef.current?.parentElement?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const exportAs = async (format: Format) => {
    setOpen(false);
    buttonRef.current?.focus();
    setStatus({ kind: 'busy' });
    try {
      if (!(await flush())) {
        setStatus({ kind: 'failed', message: 'The story could not be saved, so it was not exported. Try again in a moment.' });
        return;
      }
      const file = await call('drafts.export', review ? { id: draftId, format, review: true } : { id: draftId, format });
      download(file.fileName, blobOf(file));
      setStatus({ kind: 'done', fileName: file.fileName });
    } catch (error) {
      setStatus({ kind: 'failed', message: error instanceof Error ? error.message : 'The story could not be exported.' });
    }
  };

  const onMenuKey = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const items = Array.from(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]') ?? []);
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      setOpen(false);
      buttonRef.current?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    }
  };

  return (
    <div className="export-menu">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={status.kind === 'busy'}
        onClick={() => setOpen((value) => !value)}
      >
        Export
      </button>
      {open && (
        <div ref={menuRef} role="menu" aria-label="Export as" className="export-menu-list" onKeyDown={onMenuKey}>
          {CHOICES.map((choice) => (
            <button key={choice.format} type="button" role="menuitem" onClick={() => void exportAs(choice.format)}>
              {choice.label}
            </button>
          ))}
          {/* A menu holds menu items: the choice is a checkable item that keeps the menu open. */}
          <button
            type="button"
            role="menuitemcheckbox"
            aria-checked={review}
            className="export-menu-review"
            onClick={() => setReview((value) => !value)}
          >
            <span aria-hidden="true">{review ? '☑' : '☐'}</span> Include comments and suggestions
          </button>
        </div>
      )}
      {status.kind === 'busy' && <span role="status">Exporting…</span>}
      {status.kind === 'done' && <span role="status">Exported {status.fileName}</span>}
      {status.kind === 'failed' && (
        <span role="alert" className="error-text">
          {status.message}
        </span>
      )}
    </div>
  );
}
