interface Props {
  /** Opens a local draft (the story taken from the desk inbox). */
  onOpen: (draftId: string) => void;
}

/** The desk inbox: stories waiting for review on the CMS. (Being built.) */
export function DeskInboxButton(_props: Props) {
  return null;
}
