import { useState } from 'react';
import { DeskInbox } from './DeskInbox';
import './desk.css';

interface Props {
  /** Opens a local draft (the story taken from the desk inbox). */
  onOpen: (draftId: string) => void;
}

/** "Desk inbox" in the library header: the stories waiting for review on the CMS. */
export function DeskInboxButton({ onOpen }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Desk inbox
      </button>
      {open && <DeskInbox onOpen={onOpen} onClose={() => setOpen(false)} />}
    </>
  );
}
