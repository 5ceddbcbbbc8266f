import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type PluginOption } from 'vite';
import electron from 'vite-plugin-electron/simple';

const r = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * One build for the three targets: the renderer (`dist/`), the main process and the preload
 * (`dist-electron/`). `--mode web` builds the renderer alone; the e2e suite and the dev server
 * use it because the Electron binary cannot be downloaded on our machines.
 */
/**
 * The dev server injects an inline React refresh script and inline styles, which the app's CSP
 * forbids. Drop the meta policy only while serving; every build keeps it.
 */
function devServerCsp(): PluginOption {
  return {
    name: 'newsroom-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/i, ''),
  };
}

export default defineConfig(({ mode }) => {
  const plugins: PluginOption[] = [react(), devServerCsp()];
  if (mode !== 'web') {
    plugins.push(
      electron({
        main: {
          entry: r('./electron/main.ts'),
          vite: { build: { outDir: r('./dist-electron'), emptyOutDir: false } },
        },
        preload: {
          input: r('./electron/preload.ts'),
          // Sandboxed preloads must be CommonJS; with "type": "module" the plugin would name it .mjs.
          vite: {
            build: {
              outDir: r('./dist-electron'),
              emptyOutDir: false,
              rolldownOptions: { output: { entryFileNames: '[name].cjs' } },
            },
          },
        },
      }),
    );
  }
  return {
    root: r('./renderer'),
    base: './',
    cacheDir: r('./node_modules/.vite'),
    plugins,
    // NEWSROOM_DIST lets two e2e runs on one machine build side by side (the e2e host reads it too).
    build: { outDir: process.env['NEWSROOM_DIST'] ?? r('./dist'), emptyOutDir: true, sourcemap: true },
  };
});
