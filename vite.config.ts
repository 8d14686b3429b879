import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  server: { host: '127.0.0.1' },
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    setupFiles: ['tests/setup/i18n.ts'],
    // Vitest empties CSS imports unless told; the self-hosted font rules (i18n/fonts.server.ts) are tested.
    css: { include: [/@fontsource\//] },
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
});
