import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { viteStaticCopy } from 'vite-plugin-static-copy';

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

/**
 * pdf.js fetches its data files at run time: CMaps (CJK and other non-embedded encodings),
 * the standard 14 fonts, its WebAssembly decoders (JPEG 2000, JBIG2, colour profiles) and the
 * icons of annotations without an appearance. They are served as files under out/renderer/pdfjs/,
 * never from a network (the app reads documents offline).
 */
function pdfjsAssets(): Plugin[] {
  const from = (dir: string) => `../node_modules/pdfjs-dist/${dir}/*`;
  return viteStaticCopy({
    targets: [
      { src: from('cmaps'), dest: 'pdfjs/cmaps', rename: { stripBase: true } },
      { src: from('standard_fonts'), dest: 'pdfjs/standard_fonts', rename: { stripBase: true } },
      { src: from('wasm'), dest: 'pdfjs/wasm', rename: { stripBase: true } },
      { src: from('iccs'), dest: 'pdfjs/iccs', rename: { stripBase: true } },
      { src: from('web/images'), dest: 'pdfjs/images', rename: { stripBase: true } },
    ],
  });
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
    plugins: [react(), devOnlyInlineScripts(), pdfjsAssets()],
    build: {
      minify: true,
      // Served from the local disk, never over a network: one larger chunk costs nothing here.
      chunkSizeWarningLimit: 3000,
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
