import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/core/**/*.test.ts', 'tests/contract/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/electron/**/*.test.ts', 'tests/renderer/**/*.test.ts', 'tests/hub/**/*.test.ts'],
    // Native SQLite and child processes: separate processes isolate them best.
    pool: 'forks',
    // Budgets for correctness, not speed (speed is `npm run bench`): CLI tests start several Node
    // processes, which on a loaded two-core machine take seconds each.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
