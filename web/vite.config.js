// Builds the dashboard into dist/, which `defcoop serve --web DIR` serves at /.
// Relative asset paths (base './') so the files also work under a sub-path.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500, assetsInlineLimit: 0 },
});
