import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Relative asset paths: the built dist/ works under any path (GitHub Pages, a USB stick).
  base: './',
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
