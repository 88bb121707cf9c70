// The folders of src/ depend on each other in one direction only (README, Architecture): the
// engine at the bottom, then readings and workers, the store, the pure charts, and the page. An
// import that points back up (say charts → ui → charts) makes a cycle, and this test names it.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname);
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(test|testutil|fuzz\.test)\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The top folder under src/ a file belongs to ("" for src/main.tsx and the like). */
const folderOf = (path: string): string => {
  const parts = relative(SRC, path).split(/[\\/]/);
  return parts.length > 1 ? parts[0]! : '';
};

/** folder → folders it imports from (runtime and type imports alike). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    if (from === '') continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const to = folderOf(resolve(dirname(file), m[1] ?? m[2]!));
      if (to === '' || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** One cycle as a path "a → b → a", or null. */
function findCycle(graph: Map<string, Set<string>>): string | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node].join(' → ');
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('folder dependencies', () => {
  const graph = folderGraph();

  it('has no cycle between the folders of src/', () => {
    expect(findCycle(graph)).toBeNull();
  });

  it('keeps the engine, the readings and the charts free of the store, the workers and the page', () => {
    expect([...(graph.get('core') ?? [])]).toEqual([]);
    expect([...(graph.get('readings') ?? [])].sort()).toEqual(['core']);
    expect([...(graph.get('charts') ?? [])].filter((f) => !['core', 'readings'].includes(f))).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const cyclic = new Map([
      ['charts', new Set(['ui'])],
      ['ui', new Set(['charts'])],
    ]);
    expect(findCycle(cyclic)).toBe('charts → ui → charts');
  });
});
