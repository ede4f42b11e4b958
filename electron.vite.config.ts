import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * The dev server's React Refresh preamble is an inline script, which the page's CSP forbids. Only
 * while serving in development is inline script allowed; the built app keeps `script-src 'self'`.
 */
function devOnlyInlineScripts(): Plugin {
  return {
    name: 'nghisu:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rolldownOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // The core runs in an Electron utilityProcess so SQLite never blocks the UI thread.
          'core-host': resolve(root, 'electron/utility/core-host.ts'),
          // pdf.js text extraction runs in worker threads of the core; the pool loads this entry by name.
          'pdf-text-worker': resolve(root, 'electron/core/domains/documents/extract/pdf-text-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react(), devOnlyInlineScripts()],
    build: {
      minify: true,
      // Served from the local disk, never over a network: one larger chunk costs nothing here.
      chunkSizeWarningLimit: 3000,
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
