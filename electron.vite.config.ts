import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One build for every Node-side entry: the Electron main process, the headless hub and the demo
// server share the core, so they are bundled together and share chunks.
export default defineConfig({
  main: {
    build: {
      // laravel-echo is ESM-only in practice and cannot be require()d from a CommonJS bundle.
      // pusher-js stays external so its Node build (not the browser build) is the one loaded.
      externalizeDeps: { exclude: ['laravel-echo'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          hub: resolve(__dirname, 'src/main/hub/cli.ts'),
          'demo-server': resolve(__dirname, 'src/demo-server/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only `electron` and a few built-ins: bundle the contract
      // and zod into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      // Smaller is faster to parse: the page's start-up is measured (bench/, "start-up").
      minify: 'esbuild',
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
