import { createContext, useContext } from 'react';

/**
 * The id of the draft being edited, for the parts of the editor that read or add files in the
 * draft's folder (images). Null when the editor shows a body that belongs to no draft (tests).
 */
export const DraftIdContext = createContext<string | null>(null);

export const useDraftId = (): string | null => useContext(DraftIdContext);
