import { useEffect, useRef, useState } from 'react';
import { invoke, on } from './api/client';
import { EditorScreen } from './features/editor/EditorScreen';
import { flushAll } from './features/editor/pending-saves';
import { LibraryScreen } from './features/library/LibraryScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';

type Screen =
  | { name: 'library' }
  | { name: 'editor'; id: string }
  | { name: 'settings'; returnTo: { name: 'library' } | { name: 'editor'; id: string } };

/** The page runs inside Newsroom only: the preload (or the e2e host) provides window.newsroom. */
const hasBridge = (): boolean => typeof window !== 'undefined' && window.newsroom !== undefined;

/**
 * The app shell: three screens switched by state (no router: there are no URLs to keep in a
 * desktop window), and the one listener that saves everything before the app quits.
 */
export function App() {
  const [screen, setScreen] = useState<Screen>({ name: 'library' });
  const [connected] = useState(hasBridge);
  const firstRender = useRef(true);

  useEffect(() => {
    if (!connected) return;
    return on('app.flushRequested', () => {
      // Whatever the outcome, the main side is told the renderer is done; a failed save stays
      // on screen as "Not saved: …" (see the report: the contract cannot say "failed" yet).
      void flushAll().finally(() => invoke('app.flushComplete', {}).catch(() => undefined));
    });
  }, [connected]);

  useEffect(() => {
    // Move focus to the new screen's heading so keyboard and screen-reader users land on it.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.querySelector<HTMLElement>('.app-title')?.focus();
  }, [screen]);

  if (!connected) {
    return (
      <main className="screen">
        <h1 className="app-title">Newsroom</h1>
        <p role="alert" className="error-text">
          Newsroom must be opened as the desktop app.
        </p>
      </main>
    );
  }

  const library = () => setScreen({ name: 'library' });
  switch (screen.name) {
    case 'library':
      return (
        <LibraryScreen
          onOpen={(id) => setScreen({ name: 'editor', id })}
          onOpenSettings={() => setScreen({ name: 'settings', returnTo: { name: 'library' } })}
        />
      );
    case 'editor':
      return (
        <EditorScreen
          key={screen.id}
          draftId={screen.id}
          onBack={library}
          onOpenSettings={() => setScreen({ name: 'settings', returnTo: screen })}
        />
      );
    case 'settings':
      return (
        <SettingsScreen
          onBack={() => setScreen(screen.returnTo)}
          backLabel={screen.returnTo.name === 'editor' ? 'Back to the draft' : 'Back to drafts'}
        />
      );
  }
}
