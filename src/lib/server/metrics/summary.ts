/**
 * attendance_summary, speaker_persons, session_list (summaries.sql): TEMP tables per connection, built
 * once, that the metrics read instead of the raw records. Connections of the server pool are
 * prepared when the database is opened (db.ts initializer); computeMetric() prepares any other
 * connection on first use. A connection sees the database as it was when it was prepared: the
 * server opens a new instance (new connections) when the file is replaced.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import summariesSql from './summaries.sql?raw';
import classificationSql from './classification.sql?raw';
import { compose } from './sql.ts';
import { incomeJoin } from './income-join.ts';

const prepared = new WeakMap<DuckDBConnection, Promise<void>>();

export function prepareConnection(conn: DuckDBConnection): Promise<void> {
  let p = prepared.get(conn);
  if (!p) {
    p = incomeJoin(conn)
      .then((income) => conn.run(compose(summariesSql, { classification: classificationSql, income })))
      .then(() => undefined);
    p.catch(() => prepared.delete(conn));
    prepared.set(conn, p);
  }
  return p;
}
