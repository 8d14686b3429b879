/**
 * The folders of src/lib/server import each other one way only: no chain of imports leads from a
 * folder back to itself (metrics/ and exports/ once imported each other), and download/, which both
 * use, imports neither. Reads the import lines of the files; a module loop fails this test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER = new URL('.', import.meta.url).pathname;
const LIB = resolve(SERVER, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** The folder of src/lib/server a file belongs to ('' for files directly in it), or null outside. */
function folderOf(file: string): string | null {
  const rel = relative(SERVER, file);
  if (rel.startsWith('..')) return null;
  const parts = rel.split('/');
  return parts.length > 1 ? parts[0] : '';
}

/** Imports of one file (import and export … from), resolved to paths; $lib is src/lib. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)]
    .map((m) => m[1].replace(/\?raw$/, ''))
    .filter((spec) => spec.startsWith('.') || spec.startsWith('$lib/'))
    .map((spec) => (spec.startsWith('$lib/') ? join(LIB, spec.slice(5)) : resolve(dirname(file), spec)));
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sources(SERVER)) {
    const from = folderOf(file)!;
    if (from === '') continue;
    for (const target of importsOf(file)) {
      const to = folderOf(target);
      if (to === null || to === '' || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** A cycle of folders, or null. */
function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (n: string): string[] | null => {
    if (state.get(n) === 'done') return null;
    if (state.get(n) === 'open') return [...path.slice(path.indexOf(n)), n];
    state.set(n, 'open');
    path.push(n);
    for (const m of graph.get(n) ?? []) {
      const c = visit(m);
      if (c) return c;
    }
    path.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of graph.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return null;
}

describe('imports between the folders of src/lib/server', () => {
  const graph = folderGraph();
  it('reads the imports', () => expect(graph.get('metrics')?.has('download')).toBe(true));
  it('form no loop', () => expect(findCycle(graph)).toBeNull());
  it('download/ imports neither metrics/ nor exports/', () => {
    expect([...(graph.get('download') ?? [])].filter((f) => f === 'metrics' || f === 'exports')).toEqual([]);
  });
  it('metrics/ does not import exports/', () => expect(graph.get('metrics')?.has('exports') ?? false).toBe(false));
  it('finds a loop when there is one', () => {
    expect(findCycle(new Map([['a', new Set(['b'])], ['b', new Set(['a'])]]))).toEqual(['a', 'b', 'a']);
  });
});
