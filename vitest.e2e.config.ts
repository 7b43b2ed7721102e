import { defineConfig } from 'vitest/config'

// End-to-end tests drive `memwall serve` in Debian's Chromium; they need `npm run build` first.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
})
