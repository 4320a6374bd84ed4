import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { precompress } from './precompress';

/** Where the dev server sends API calls: the Node host that `npm run dev` starts next to it. */
const apiTarget = process.env.ENROLL_API_URL ?? 'http://127.0.0.1:8788';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [solid(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Older in-app browsers are still in parents' hands: WeChat on iOS 14.5+ and Chromium 87+ (XWeb) Android.
    target: ['es2020', 'chrome87', 'safari14'],
    cssTarget: ['chrome87', 'safari14'],
  },
  server: {
    proxy: {
      '^/(trpc|api)/': { target: apiTarget, changeOrigin: false },
    },
  },
});
