import { describe, expect, it } from 'vitest';
import { readSnippets } from './snippets.ts';

describe('readSnippets', () => {
  it('gives each tool an absolute URL of the right format', () => {
    const s = readSnippets('https://igf.example', 'speakers');
    expect(s.map((x) => x.language)).toEqual(['Python (pyarrow, pandas)', 'R (arrow)', 'DuckDB SQL', 'JavaScript (apache-arrow)']);
    expect(s[0].code).toContain('"https://igf.example/api/v1/export/speakers.arrow"');
    expect(s[1].code).toContain('download.file("https://igf.example/api/v1/export/speakers.arrow"');
    expect(s[2].code).toContain("read_parquet('https://igf.example/api/v1/export/speakers.parquet')");
    expect(s[3].code).toContain("fetch('https://igf.example/api/v1/export/speakers.arrow')");
  });
});
