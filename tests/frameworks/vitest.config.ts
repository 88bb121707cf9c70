// npm run test:frameworks: the parity suite against the real PyTorch, JAX, Keras and numpy.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  test: {
    environment: 'node',
    include: ['tests/frameworks/**/*.parity.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // One Python process at a time: the machine has two cores.
    fileParallelism: false,
  },
});
