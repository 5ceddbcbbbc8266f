import { Suspense, useEffect, useRef, useState } from 'react';
import { invoke, on } from './api/client';
import { flushAll } from './features/editor/pending-saves';
import { LibraryScreen } from './features/library/LibraryScreen';
import { OutboxBar } from './features/outbox/OutboxBar';
import { CurrentUserProvider } from './features/review/current-user';
import { FirstRunDialog } from './features/review/user/FirstRunDialog';
import { EditorScreen, preloadScreens, SettingsScreen } from './lazy-screens';

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

  useEffect(() => (connected ? preloadScreens() : undefined), [connected]);

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
  return (
    <CurrentUserProvider>
      {screenFor(screen, setScreen, library)}
      {/* The outbox count and the online listener, the same on every screen. */}
      <OutboxBar />
      <FirstRunDialog />
    </CurrentUserProvider>
  );
}

function screenFor(screen: Screen, setScreen: (next: Screen) => void, library: () => void) {
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
        <Suspense fallback={<Loading text="Opening the draft…" />}>
          <EditorScreen
            key={screen.id}
            draftId={screen.id}
            onBack={library}
            onOpenSettings={() => setScreen({ name: 'settings', returnTo: screen })}
          />
        </Suspense>
      );
    case 'settings':
      return (
        <Suspense fallback={<Loading text="Opening Settings…" />}>
          <SettingsScreen
            onBack={() => setScreen(screen.returnTo)}
            backLabel={screen.returnTo.name === 'editor' ? 'Back to the draft' : 'Back to drafts'}
          />
        </Suspense>
      );
  }
}

/** Shown for the moment a screen's code is still arriving (it is usually preloaded by then). */
function Loading({ text }: { text: string }) {
  return (
    <main className="screen">
      <p role="status">{text}</p>
    </main>
  );
}
