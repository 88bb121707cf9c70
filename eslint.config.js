import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const HTML_MESSAGE = 'Render with React; never turn strings into HTML.';
/** The one file that may switch the raw-HTML ban off: KaTeX's output for our own TeX templates. */
const TEX_FILE = 'src/ui/math/Tex.tsx';
const HTML_BAN_RULES = /\bno-restricted-(syntax|properties)\b/;

// An inline disable of the raw-HTML ban is allowed in Tex.tsx only, and only with a reason after
// `--`; anywhere else a disable of those rules is an error, so the exception cannot spread.
/** @type {import('eslint').Rule.RuleModule} */
const rawHtmlOnlyInTex = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      elsewhere: `The raw-HTML ban may only be disabled in ${TEX_FILE}.`,
      reason: 'Say why after `--` when disabling the raw-HTML ban.',
    },
  },
  create(context) {
    const inTex = context.filename.replaceAll('\\', '/').endsWith(`/${TEX_FILE}`);
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const text = comment.value.trim();
          if (!/^eslint-disable/.test(text) || !HTML_BAN_RULES.test(text.split('--')[0])) continue;
          if (!inTex) context.report({ loc: comment.loc, messageId: 'elsewhere' });
          else if (!/--\s*\S/.test(text)) context.report({ loc: comment.loc, messageId: 'reason' });
        }
      },
    };
  },
};

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'dist-*/**',
      'test-results*/**',
      'playwright-report/**',
      'node_modules/**',
      // The parity suite's Python environment (npm run test:frameworks) ships JavaScript of its own.
      '.venv-frameworks/**',
      'src/core/kernels/*.wasm.ts',
      'e2e/fixtures/hosts/**/*.js',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  reactHooks.configs.flat.recommended,
  {
    // The engine runs unchanged in Node, a Worker and tests: no DOM, no React, no d3-selection.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['react', 'react-dom', 'd3', 'd3-selection'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    // Charts are pure: props in, SVG/canvas out, callbacks out. The store, the workers and the
    // page's panels reach them only through props (src/ui/panels connects them).
    files: ['src/charts/**/*.ts', 'src/charts/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/state', '**/state/**', '**/worker', '**/worker/**', '**/ui', '**/ui/**'],
              message: 'Charts take data as props: connect the store or a worker in a panel under src/ui/panels.',
            },
          ],
        },
      ],
    },
  },
  {
    // Readings (verdicts, names, formats) are plain functions of numbers, shared by the charts,
    // the panels and the CLI. Their tests may reach further (presets, chart fixtures) to check them.
    files: ['src/readings/**/*.ts'],
    ignores: ['src/readings/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom'],
          patterns: [
            {
              group: ['**/state/**', '**/worker/**', '**/ui/**', '**/charts/**'],
              message: 'Readings depend on the engine only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The page never renders HTML strings: nothing from a URL or a file can become markup.
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { local: { rules: { 'raw-html-only-in-tex': rawHtmlOnlyInTex } } },
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: HTML_MESSAGE },
        { property: 'outerHTML', message: HTML_MESSAGE },
        { property: 'insertAdjacentHTML', message: HTML_MESSAGE },
        { property: 'setHTMLUnsafe', message: HTML_MESSAGE },
        { property: 'createContextualFragment', message: HTML_MESSAGE },
        { object: 'document', property: 'write', message: HTML_MESSAGE },
        { object: 'document', property: 'writeln', message: HTML_MESSAGE },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML in the page.' },
        // `window.document.write(…)` slips past no-restricted-properties, which only sees `document.write`.
        {
          selector: "MemberExpression[object.property.name='document'][property.name=/^write(ln)?$/]",
          message: HTML_MESSAGE,
        },
      ],
      'local/raw-html-only-in-tex': 'error',
    },
  },
);
