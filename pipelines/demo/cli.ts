/**
 * The command line of the synthetic demo generator (npm run generate:demo):
 *
 *   npx tsx pipelines/demo/cli.ts [--scale N] [--seed S] [--out DIR]
 *
 * A bad argument prints one line on stderr and exits with code 2.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, DemoArgumentError, checkOptions, generateDemo, type DemoOptions } from './generate';

const USAGE = 'usage: npx tsx pipelines/demo/generate.ts [--scale N] [--seed S] [--out DIR]';

function parseWhole(flag: string, value: string | undefined): number {
  if (value === undefined || value === '' || value.startsWith('--')) throw new DemoArgumentError(`${flag} needs a value (${USAGE})`);
  const v = value.replace(/_/g, '');
  if (!/^\d+$/.test(v)) throw new DemoArgumentError(`${flag} must be a whole number, got "${value}"`);
  return Number(v);
}

export function parseArgs(argv: readonly string[]): DemoOptions & { help?: boolean } {
  const out: DemoOptions & { help?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const take = () => (value !== undefined ? value : argv[++i]);
    switch (arg) {
      case '--scale':
        out.scale = parseWhole('--scale', take());
        break;
      case '--seed':
        out.seed = parseWhole('--seed', take());
        break;
      case '--out': {
        const v = take();
        if (v === undefined || v === '' || v.startsWith('--')) throw new DemoArgumentError(`--out needs a directory (${USAGE})`);
        out.outDir = v;
        break;
      }
      case '--help':
      case '-h':
        out.help = true;
        break;
      default:
        throw new DemoArgumentError(`unknown argument "${argv[i]}" (${USAGE})`);
    }
  }
  return out;
}

async function main(): Promise<number> {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(process.argv.slice(2));
    if (opts.help) {
      process.stdout.write(`${USAGE}\n  --scale N  attendance rows in total (default: real size, the sum of the calibrated yearly totals)\n  --seed S   random seed, 0..4294967295 (default ${DEFAULT_SEED})\n  --out DIR  output directory (default data/demo)\n`);
      return 0;
    }
    checkOptions(opts);
  } catch (err) {
    if (err instanceof DemoArgumentError) {
      process.stderr.write(`generate-demo: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const verbose = (opts.scale ?? 0) >= 100_000;
  try {
    const result = await generateDemo({
      ...opts,
      onProgress: (p) => {
        if (!verbose || p.phase !== 'attendance') return;
        const pct = Math.floor((p.rowsDone / p.rowsTotal) * 100);
        process.stderr.write(`generate-demo: attendance ${p.year} done, ${p.rowsDone}/${p.rowsTotal} rows (${pct}%)\n`);
      }
    });
    for (const f of result.files) process.stdout.write(`${f}\n`);
    process.stdout.write(`${result.readme}\n`);
    process.stderr.write(
      `generate-demo: SYNTHETIC data written: attendance ${result.rows.attendance}, sessions ${result.rows.sessions}, speakers ${result.rows.speakers} rows\n`
    );
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`generate-demo: ${message}\n`);
    return err instanceof DemoArgumentError ? 2 : 1;
  }
}


/** Runs main with this process's arguments and sets the exit code. */
export function runCli(): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`generate-demo: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    }
  );
}

const invokedPath = process.argv[1] ? resolve(process.argv[1]) : '';
if (invokedPath === fileURLToPath(import.meta.url)) runCli();
