/** How to read an export in the tools analysts use; the URLs are absolute so a snippet runs as pasted. */
export interface Snippet {
  language: string;
  code: string;
}

/**
 * The origin the snippets name: the server as the client reached it. adapter-node builds url.origin
 * from ORIGIN, or from PROTOCOL_HEADER, and otherwise assumes https, so that a server run without
 * ORIGIN on plain http would hand out https addresses curl cannot open. Without either setting, the
 * scheme is the proxy's X-Forwarded-Proto when it is http or https, else http (what a bare Node
 * server speaks). The page then replaces it with location.origin in the browser.
 */
export function snippetOrigin(o: { url: URL; configured: boolean; forwardedProto?: string | null }): string {
  if (o.configured) return o.url.origin;
  const forwarded = (o.forwardedProto ?? '').split(',')[0].trim().toLowerCase();
  const scheme = forwarded === 'https' || forwarded === 'http' ? forwarded : 'http';
  return `${scheme}://${o.url.host}`;
}

export function readSnippets(origin: string, name: string): Snippet[] {
  const base = `${origin}/api/v1/export/${name}`;
  return [
    {
      language: 'Python (pyarrow, pandas)',
      code: [
        'import urllib.request, pyarrow as pa',
        `with urllib.request.urlopen("${base}.arrow") as f:`,
        '    table = pa.ipc.open_file(pa.BufferReader(f.read())).read_all()',
        'print(table.schema.metadata[b"citation"].decode())',
        'df = table.to_pandas()',
        '# or the CSV: import pandas as pd; df = pd.read_csv("' + base + '.csv")'
      ].join('\n')
    },
    {
      language: 'R (arrow)',
      code: [
        'library(arrow)',
        'path <- tempfile(fileext = ".arrow")',
        `download.file("${base}.arrow", path, mode = "wb")`,
        'tbl <- read_ipc_file(path, as_data_frame = FALSE)',
        'tbl$metadata$citation',
        'df <- as.data.frame(tbl)'
      ].join('\n')
    },
    {
      language: 'DuckDB SQL',
      code: [`SELECT * FROM read_parquet('${base}.parquet');`, `-- key-value metadata (definition, citation, data version):`, `SELECT decode(key), decode(value) FROM parquet_kv_metadata('${base}.parquet');`].join('\n')
    },
    {
      language: 'JavaScript (apache-arrow)',
      code: [
        "import { tableFromIPC } from 'apache-arrow';",
        `const table = await tableFromIPC(fetch('${base}.arrow'));`,
        "console.log(table.schema.metadata.get('citation'));",
        'const rows = table.toArray();'
      ].join('\n')
    },
    {
      language: 'curl',
      code: `curl -O ${base}.csv`
    }
  ];
}
