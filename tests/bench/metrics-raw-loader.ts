/**
 * Lets plain Node (tsx) import `./file.sql?raw` as vite does: the default export is the file's text.
 * Call registerRawLoader() before importing src/lib/server/metrics dynamically.
 */
import { register } from 'node:module';

const hooks = `
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
export async function resolve(specifier, context, next) {
  if (specifier.endsWith('?raw') && context.parentURL) {
    return { url: new URL(specifier, context.parentURL).href, format: 'module', shortCircuit: true };
  }
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (url.endsWith('?raw')) {
    const text = readFileSync(fileURLToPath(url), 'utf8');
    return { format: 'module', source: 'export default ' + JSON.stringify(text) + ';', shortCircuit: true };
  }
  return next(url, context);
}`;

let registered = false;

export function registerRawLoader(): void {
  if (registered) return;
  register('data:text/javascript,' + encodeURIComponent(hooks));
  registered = true;
}
