import { useCallback, useEffect, useRef, useState } from 'react';
import type { Template } from '../../../shared/model/templates';
import { call } from '../../api/client';

export type TemplatesState = { kind: 'loading' } | { kind: 'ready'; templates: Template[] } | { kind: 'failed'; message: string };

/** The story templates from main; `reload` after a change. An answer that arrives after a newer request is dropped. */
export function useTemplates(): { state: TemplatesState; reload: () => void } {
  const [state, setState] = useState<TemplatesState>({ kind: 'loading' });
  const generation = useRef(0);
  const reload = useCallback(() => {
    const mine = ++generation.current;
    call('templates.list', {}).then(
      ({ templates }) => {
        if (mine === generation.current) setState({ kind: 'ready', templates });
      },
      (error: unknown) => {
        if (mine === generation.current) setState({ kind: 'failed', message: error instanceof Error ? error.message : 'The story templates could not be read.' });
      },
    );
  }, []);
  useEffect(() => {
    reload();
    return () => {
      generation.current += 1;
    };
  }, [reload]);
  return { state, reload };
}
