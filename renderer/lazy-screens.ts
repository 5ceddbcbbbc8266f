import { lazy } from 'react';
import { whenIdle } from './lib/idle';

/**
 * The editor (Lexical and its plugins) and Settings (the form schemas) are loaded when first
 * needed, not with the drafts list the app opens on. Once the list is on screen they are fetched
 * in idle time, so opening a draft does not wait for its code either.
 */
let editorModule: Promise<typeof import('./features/editor/EditorScreen')> | undefined;
let settingsModule: Promise<typeof import('./features/settings/SettingsScreen')> | undefined;

const loadEditor = () => (editorModule ??= import('./features/editor/EditorScreen'));
const loadSettings = () => (settingsModule ??= import('./features/settings/SettingsScreen'));

export const EditorScreen = lazy(() => loadEditor().then((m) => ({ default: m.EditorScreen })));
export const SettingsScreen = lazy(() => loadSettings().then((m) => ({ default: m.SettingsScreen })));

/** Fetches both screens' code when the page is idle; returns a cancel function. */
export function preloadScreens(): () => void {
  return whenIdle(() => {
    void loadEditor();
    void loadSettings();
  }, 2_000);
}
