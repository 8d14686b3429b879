/**
 * The source line of a chart of the speakers listed on the public session pages: how many sessions
 * stand behind it, which years, and the caveats that travel with those records.
 */
import { fmt, t } from '$lib/i18n/index.ts';

export interface StageTotal {
  year: number;
  sessions: number;
  speakers: number;
}

export function stageSourceLine(totals: readonly StageTotal[], years: readonly number[]): string {
  const inView = totals.filter((s) => years.includes(s.year));
  const sessionYears = inView.map((s) => s.year);
  const first = Math.min(...sessionYears);
  const last = Math.max(...sessionYears);
  return t('record.stage.source', {
    sessions: inView.reduce((n, s) => n + s.sessions, 0),
    years: !sessionYears.length ? '—' : first === last ? fmt.year(first) : `${fmt.year(first)}–${fmt.year(last)}`
  });
}
