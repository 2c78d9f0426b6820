import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'e2e/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores on the CI machines: keep the browser tests from competing with each other.
    maxWorkers: 2,
    // The fake `electron` module stands in for the real one, whose binary cannot run here.
    alias: { electron: new URL('./src/main/app/testing/fake-electron.ts', import.meta.url).pathname },
  },
});
