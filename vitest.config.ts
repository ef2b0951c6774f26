import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/build-daemon.setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    // Integration tests drive real sockets, ptys and child processes on a shared 2-core box:
    // give them room, and keep files from starving each other.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
