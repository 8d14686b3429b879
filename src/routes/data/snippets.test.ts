import { describe, expect, it } from 'vitest';
import { readSnippets, snippetOrigin } from './snippets.ts';

describe('readSnippets', () => {
  it('gives each tool an absolute URL of the right format', () => {
    const s = readSnippets('https://igf.example', 'speakers');
    expect(s.map((x) => x.language)).toEqual(['Python (pyarrow, pandas)', 'R (arrow)', 'DuckDB SQL', 'JavaScript (apache-arrow)', 'curl']);
    expect(s[0].code).toContain('"https://igf.example/api/v1/export/speakers.arrow"');
    expect(s[1].code).toContain('download.file("https://igf.example/api/v1/export/speakers.arrow"');
    expect(s[2].code).toContain("read_parquet('https://igf.example/api/v1/export/speakers.parquet')");
    expect(s[3].code).toContain("fetch('https://igf.example/api/v1/export/speakers.arrow')");
    expect(s[4].code).toBe('curl -O https://igf.example/api/v1/export/speakers.csv');
  });
});

describe('snippetOrigin', () => {
  // adapter-node without ORIGIN or PROTOCOL_HEADER makes every request URL https.
  const guessed = new URL('https://10.0.0.5:3000/data');
  it('uses http for a server reached directly, whatever adapter-node guessed', () => {
    expect(snippetOrigin({ url: guessed, configured: false })).toBe('http://10.0.0.5:3000');
  });
  it('follows the proxy’s X-Forwarded-Proto (first value, http or https only)', () => {
    expect(snippetOrigin({ url: guessed, configured: false, forwardedProto: 'https, http' })).toBe('https://10.0.0.5:3000');
    expect(snippetOrigin({ url: guessed, configured: false, forwardedProto: 'HTTP' })).toBe('http://10.0.0.5:3000');
    expect(snippetOrigin({ url: guessed, configured: false, forwardedProto: 'javascript' })).toBe('http://10.0.0.5:3000');
  });
  it('keeps the request URL’s origin when ORIGIN (or PROTOCOL_HEADER) is configured', () => {
    expect(snippetOrigin({ url: new URL('https://igf.example/data'), configured: true, forwardedProto: 'http' })).toBe('https://igf.example');
  });
});
