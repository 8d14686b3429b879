/**
 * The secret that turns participant ids and e-mails into pseudonymous keys.
 * It lives outside the repository and the database (a database shared with
 * others must not let them recompute a key from a known e-mail) and is made
 * on first use.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export function pseudonymKeyPath(): string {
  return process.env.IGF_PSEUDONYM_KEY_FILE ?? join(homedir(), '.config', 'igf-participation', 'pseudonym.key');
}

export function loadOrCreatePseudonymKey(path = pseudonymKeyPath()): string {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  }
  const key = readFileSync(path, 'utf8').trim();
  if (key.length < 32) throw new Error(`the pseudonymisation key in ${path} is too short (need at least 32 characters)`);
  return key;
}
