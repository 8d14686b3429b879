/** How to read an export in the tools analysts use; the URLs are absolute so a snippet runs as pasted. */
export interface Snippet {
  language: string;
  code: string;
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
    }
  ];
}
