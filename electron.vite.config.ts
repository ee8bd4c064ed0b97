import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * index.html preloads React DOM's reconciler, which main.tsx imports dynamically so that it is
 * evaluated in a task of its own: fetched beside the entry, not once the entry has run.
 */
function preloadReactDom(): Plugin {
  return {
    name: 'qunxi:preload-react-dom',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        // Only a build has a bundle; the dev server serves the modules as they are.
        if (!ctx.bundle) return;
        const chunk = Object.values(ctx.bundle).find((c) => c.type === 'chunk' && /[\\/]react-dom[\\/]client\.js$/.test(c.facadeModuleId ?? ''));
        if (!chunk) throw new Error("React DOM's client chunk is missing from the renderer's bundle");
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}

// main + preload build from src-main, the renderer from src-renderer (DESIGN §5).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/app/main.ts'),
          importWorker: resolve(__dirname, 'src-main/import/worker.ts'),
          xlsxWorker: resolve(__dirname, 'src-main/export/xlsxWorker.ts'),
          reportWorker: resolve(__dirname, 'src-main/export/reportWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/preload/index.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react(), preloadReactDom()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // The folder is outside the renderer's root, which Vite would not empty: old chunks would pile up.
      emptyOutDir: true,
      // Minified, one chunk per view (Workspace.tsx loads views lazily) and shared libraries
      // (ECharts, ag-grid) in chunks of their own, loaded by the first view that draws with them.
      minify: true,
      // The grid's and the charts' libraries are single chunks of their own, loaded on first use.
      chunkSizeWarningLimit: 1100,
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
  },
});
