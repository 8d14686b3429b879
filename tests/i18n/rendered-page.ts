/** A page as the server renders it, parsed without a browser, for the tests of its HTML. */
import { DOMParser } from 'linkedom';
import { expect } from 'vitest';

export async function renderedPage(baseUrl: string, path: string): Promise<Document> {
  const r = await fetch(baseUrl + path);
  expect(r.status, path).toBe(200);
  return new DOMParser().parseFromString(await r.text(), 'text/html') as unknown as Document;
}
