import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { DuckDBInstance } from '@duckdb/node-api';
import { onTestFinished } from 'vitest';

export const ROOT = new URL('../..', import.meta.url).pathname;

/** A private folder with its own pseudonymisation key, so tests never touch the user's; removed when the test ends. */
export function workspace(): { dir: string; db: string; file: (name: string, content: string | Buffer) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'igf-test-'));
  const previousKeyFile = process.env.IGF_PSEUDONYM_KEY_FILE;
  onTestFinished(() => {
    rmSync(dir, { recursive: true, force: true });
    if (previousKeyFile === undefined) delete process.env.IGF_PSEUDONYM_KEY_FILE;
    else process.env.IGF_PSEUDONYM_KEY_FILE = previousKeyFile;
  });
  process.env.IGF_PSEUDONYM_KEY_FILE = join(dir, 'pseudonym.key');
  return {
    dir,
    db: join(dir, 'igf.duckdb'),
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    }
  };
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function runCli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'pipelines/cli.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env }
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export async function query(db: string, sql: string, params: Array<string | number> = []): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    const reader = await conn.runAndReadAll(sql, params);
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
