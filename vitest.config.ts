import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/core/**/*.test.ts', 'tests/contract/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/electron/**/*.test.ts', 'tests/renderer/**/*.test.ts'],
    // Native SQLite and child processes: separate processes isolate them best.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
