/**
 * Arabic pages are mirrored by dir="rtl" alone: styles say start and end (margin-inline-start,
 * text-align: start, inset-inline-start…), never left or right, so nothing stays on the wrong side.
 * Print page-margin boxes (@top-left…) have no logical form and are allowed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PHYSICAL = /(?:^|[\s;{])((?:margin|padding|border)-(?:left|right)|left|right|float)\s*:\s*[^;}]*|text-align\s*:\s*(?:left|right)|clear\s*:\s*(?:left|right)/g;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? files(path) : /\.(svelte|css)$/.test(e.name) ? [path] : [];
  });
}

/** The CSS of a file: the whole of a .css file, the <style> blocks of a component, comments removed. */
function styles(path: string): string {
  const text = readFileSync(path, 'utf8');
  const css = path.endsWith('.css') ? text : [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
  return css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/@(?:top|bottom)-(?:left|right)[^{]*\{[^}]*\}/g, '');
}

describe('styles use logical directions', () => {
  it('no left/right in any stylesheet or component style', () => {
    const offenders = files('src').flatMap((path) => [...styles(path).matchAll(PHYSICAL)].map((m) => `${path}: ${m[0].trim()}`));
    expect(offenders).toEqual([]);
  });

  it('the check catches a physical property', () => {
    expect('.a { margin-left: 1rem; text-align: right }'.match(PHYSICAL)?.length).toBe(2);
    expect('.a { margin-inline-start: 1rem; text-align: end }'.match(PHYSICAL)).toBeNull();
  });
});
