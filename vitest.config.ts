import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// Unit and integration tests. Node by default; component tests opt into happy-dom per file.
export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
})
