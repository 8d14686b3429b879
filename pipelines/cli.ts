/**
 * npm run pipeline -- [--input PATH ...] [--db PATH] [--kind K] [--map H=F] [--year Y] [--strict] [--allow-empty] [--synthetic] [--report FILE.json]
 *
 * Exit codes: 0 loaded, 1 the database was left unchanged (unreadable file,
 * a file with no row loaded, --strict with rejects, another writer), 2 bad
 * command line.
 */
import { writeFileSync } from 'node:fs';

import { parseArgs } from 'node:util';
import { runPipeline, demoMissing, DEFAULT_DB, DEMO_DIR } from './run.ts';
import { RECORD_KINDS, type RecordKind } from './records/kinds.ts';
import { parseManualMap } from './records/headers.ts';
import type { FileReport } from './load/load-file.ts';
import { createProgress } from './progress.ts';
import { SOURCE_SET_NAME } from '../src/lib/domain/source-sets.ts';
import { describeRecovered } from './database/atomic.ts';

const USAGE = `Usage: npm run pipeline -- [options] [--input] FILE ...

Loads attendance, session and speaker records (CSV, JSON or Parquet) into the
DuckDB database. Without input files it builds the default database from the
bundled data: reference tables, published figures and the synthetic demo records.

Options:
  --input, -i PATH    a file to load (repeat, or list several)
  --db PATH           database file (default: $IGF_DB or ${DEFAULT_DB})
  --kind K            force the record kind: ${RECORD_KINDS.join(', ')}
  --map 'HEADER=FIELD' read the column HEADER as FIELD (repeat for several),
                      e.g. --map 'Delegation=country' --map 'Yr=meeting_year'
  --year Y            the meeting year of every row that has none (a list of one meeting)
  --strict            fail, leaving the database unchanged, if any row is rejected
  --allow-empty       keep a file even if none of its rows could be loaded
                      (by default such a file fails the run)
  --synthetic         mark every row of these files as synthetic
  --source NAME       the source set these files' rows belong to (letters, digits, _ and -;
                      default: demo for synthetic rows, user for real ones). Figures are
                      computed within one source set; a set is all synthetic or all real
  --report FILE.json  write the per-file accounting as JSON
  --quiet             print only problems and the final line
  --help              this text`;

function fail(message: string): never {
  process.stderr.write(`pipeline: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      input: { type: 'string', short: 'i', multiple: true },
      db: { type: 'string' },
      kind: { type: 'string' },
      map: { type: 'string', multiple: true },
      year: { type: 'string' },
      strict: { type: 'boolean', default: false },
      'allow-empty': { type: 'boolean', default: false },
      synthetic: { type: 'boolean', default: false },
      source: { type: 'string' },
      report: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false }
    }
  });
} catch (e) {
  fail((e as Error).message);
}
if (args.values.help) {
  process.stdout.write(USAGE + '\n');
  process.exit(0);
}
const kind = args.values.kind;
if (kind !== undefined && !RECORD_KINDS.includes(kind as RecordKind)) {
  fail(`unknown --kind "${kind}"; allowed: ${RECORD_KINDS.join(', ')}`);
}
let manual;
try {
  manual = parseManualMap(args.values.map ?? []);
} catch (e) {
  fail((e as Error).message);
}
const yearText = args.values.year;
const year = yearText === undefined ? undefined : Number(yearText);
if (year !== undefined && !(Number.isInteger(year) && /^\d{4}$/.test(yearText!.trim()))) {
  fail(`--year "${yearText}" is not a year such as 2023`);
}
const source = args.values.source;
if (source !== undefined && !SOURCE_SET_NAME.test(source)) {
  fail(`--source "${source}" is not a source-set name: use 1 to 40 lower-case letters, digits, _ or -, starting with a letter or digit`);
}
const inputs = [...(args.values.input ?? []), ...args.positionals];
const db = args.values.db ?? process.env.IGF_DB ?? DEFAULT_DB;
const quiet = args.values.quiet;
const out = (line = '') => {
  if (!quiet) process.stdout.write(line + '\n');
};

if (inputs.length === 0 && demoMissing()) {
  out(`Generating the synthetic demo records in ${DEMO_DIR} ...`);
  const { generateDemo } = await import('./demo/generate.ts');
  await generateDemo({ outDir: DEMO_DIR });
}

const progress = createProgress(process.stderr, quiet);
const started = Date.now();
const report = await runPipeline({
  db,
  inputs,
  kind: kind as RecordKind | undefined,
  strict: args.values.strict,
  synthetic: args.values.synthetic,
  manual,
  year,
  allowEmpty: args.values['allow-empty'],
  source,
  onRecovered: (recovered) => process.stderr.write(describeRecovered(recovered) + '\n'),
  onFileStart: () => progress.start(),
  onProgress: (file, phase, fraction) => progress.update(file, phase, fraction),
  onFileDone: (fileReport) => {
    progress.done();
    out(describeFile(fileReport));
  }
});
progress.done();

if (report.skipped.length) out(`skipped (not data files): ${report.skipped.join(', ')}`);
for (const failed of report.failed) process.stderr.write(`${failed.file}: ${failed.error}\n`);
if (args.values.report) writeFileSync(args.values.report, JSON.stringify(report, null, 2) + '\n');

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (report.ok) {
  const t = report.totals;
  process.stdout.write(
    `${db}: ${report.files.length} file(s), read ${fmt(t.rows_read)}, loaded ${fmt(t.rows_loaded)}, rejected ${fmt(t.rows_rejected)} in ${seconds} s\n`
  );
} else {
  process.stderr.write(`pipeline failed: ${report.error}\n`);
  if (report.unexpected) process.stderr.write('This looks like a bug or a system problem (disk full?); please report it with the command you ran.\n');
}
process.exit(report.ok ? 0 : 1);

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function describeFile(f: FileReport): string {
  const set = f.source_set ? `, source set ${f.source_set}` : '';
  const lines = [`${f.file}  (${f.kind}${f.format ? `, ${f.format} ${f.encoding}` : ''}${set}${f.synthetic ? ', SYNTHETIC' : ''})`];
  if (f.status === 'unchanged') {
    lines.push(`  unchanged since last load: read ${fmt(f.rows_read)}, loaded ${fmt(f.rows_loaded)}, rejected ${fmt(f.rows_rejected)}`);
    return lines.join('\n');
  }
  lines.push(`  read ${fmt(f.rows_read)}, loaded ${fmt(f.rows_loaded)}, rejected ${fmt(f.rows_rejected)}`);
  for (const [reason, n] of Object.entries(f.rejected_by_reason)) lines.push(`    ${fmt(n).padStart(8)}  ${reason}`);
  for (const note of f.header_notes) lines.push(`  headers: ${note}`);
  if (f.mapped_by_hand.length) lines.push(`  mapped by hand: ${f.mapped_by_hand.join(', ')}`);
  for (const [field, u] of Object.entries(f.unresolved)) {
    const top = u.top.map((t) => `${JSON.stringify(t.value)} ×${fmt(t.count)}`).join(', ');
    lines.push(`  unresolved ${field}: ${fmt(u.count)} row(s), kept as unknown; most frequent: ${top}`);
    if (u.former_states) lines.push(`    of which ${fmt(u.former_states)} name a former state that split (USSR, Yugoslavia …): not resolved on purpose`);
  }
  const groups = f.regional_groups;
  if (groups?.not_one_group) {
    lines.push(`  regional group not one UN group, kept without a group: ${fmt(groups.not_one_group.count)} row(s): ${groups.not_one_group.top.map((t) => `${JSON.stringify(t.value)} ×${fmt(t.count)}`).join(', ')}`);
  }
  if (groups?.unrecognised) {
    lines.push(`  unresolved regional_group: ${fmt(groups.unrecognised.count)} row(s), kept without a group; most frequent: ${groups.unrecognised.top.map((t) => `${JSON.stringify(t.value)} ×${fmt(t.count)}`).join(', ')}`);
  }
  if (groups?.country_disagrees) {
    lines.push(`  regional group of the record differs from its country's in ${fmt(groups.country_disagrees.count)} row(s); the country's was used: ${groups.country_disagrees.examples.join(', ')}`);
  }
  const rules = f.resolved_by_rule;
  if (rules.country_close_spelling) {
    lines.push(`  country resolved by close spelling: ${fmt(rules.country_close_spelling.count)} row(s), e.g. ${rules.country_close_spelling.examples.join(', ')}; please check`);
  }
  if (rules.country_code_over_name) {
    lines.push(`  country name and code disagree in ${fmt(rules.country_code_over_name.count)} row(s); the code was used: ${rules.country_code_over_name.examples.join(', ')}`);
  }
  if (rules.gender_from_honorific) lines.push(`  gender from honorific (a declared form of address): ${fmt(rules.gender_from_honorific.count)} row(s)`);
  if (rules.gender_from_female_column) lines.push(`  gender from a yes/no female column: ${fmt(rules.gender_from_female_column.count)} row(s)`);
  if (rules.mode_from_yes_no_columns) lines.push(`  participation mode from yes/no onsite or virtual columns: ${fmt(rules.mode_from_yes_no_columns.count)} row(s)`);
  if (f.personal_columns_not_stored.length) {
    lines.push(`  personal columns not stored: ${f.personal_columns_not_stored.join(', ')} (ids and e-mails only as keyed hashes)`);
  }
  if (f.ignored_columns.length) lines.push(`  columns not used: ${f.ignored_columns.join(', ')}`);
  return lines.join('\n');
}

