// Check 3 of the parity suite: the JSON the frameworks wrote opens in the app (npm run test:frameworks).
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

const root = new URL('../..', import.meta.url).pathname;
const server = Array.isArray(base.webServer) ? base.webServer[0]! : base.webServer!;

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'open.spec.ts',
  outputDir: `${root}${base.outputDir ?? 'test-results'}`,
  // The build and preview run from the repository's root, as for the main suite.
  webServer: { ...server, cwd: root },
});
