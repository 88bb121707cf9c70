/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { bootScriptPlugin } from './scripts/bootScript';
import { offlinePlugin } from './scripts/offlinePlugin';

/** The Content-Security-Policy of public/_headers: one policy for static hosts, the meta tag and preview. */
function contentSecurityPolicy(): string {
  const headers = readFileSync(new URL('./public/_headers', import.meta.url), 'utf8');
  const line = /^\s*Content-Security-Policy:(.*)$/m.exec(headers);
  if (!line?.[1]) throw new Error('public/_headers has no Content-Security-Policy line');
  return line[1].trim();
}

// The built page carries the policy as a <meta> too, for hosts that cannot set headers. Build
// only: the dev server injects inline scripts for hot reload, which the policy rightly forbids.
function cspMetaTag(policy: string): Plugin {
  return {
    name: 'initscope:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
    ],
  };
}

const csp = contentSecurityPolicy();

// Cross-origin isolation lets the engine share memory between workers later; it is harmless now.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // Relative asset paths: the built site works from any sub-path (e.g. /initscope/).
  base: './',
  plugins: [
    react(),
    cspMetaTag(csp),
    bootScriptPlugin('src/boot.ts'),
    offlinePlugin(new URL('./public/', import.meta.url)),
  ],
  server: { headers: isolationHeaders },
  // Preview serves the built site as a static host with _headers would, so the e2e runs also hold
  // the worker (which a meta tag does not reach) to the policy.
  preview: { headers: { ...isolationHeaders, 'Content-Security-Policy': csp }, port: 4173, strictPort: true },
  build: {
    rolldownOptions: {
      output: {
        // React on its own: the app's two big halves download and parse in parallel, and a new
        // deploy of the app alone leaves the browser's copy of React valid.
        codeSplitting: { groups: [{ name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ }] },
      },
    },
  },
  worker: { format: 'es' },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
