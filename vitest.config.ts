// Vitest: unit and integration tests beside the code; *.int.test.ts need a downloaded model and run apart.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '**/*.int.test.ts', 'var/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The first run on a machine builds the lexicon's dictionary cache here, once (about 30 s), not in every worker.
    globalSetup: ['test-support/warm-lexicon.ts'],
  },
});
