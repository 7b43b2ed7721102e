import type { Migration } from './types'

/**
 * Traces stored once. A scenario whose traffic is a trace carries up to 2,000,000 arrivals, and
 * the saved scenario, the run's copy and the result's echo of it each held them all. `traces`
 * holds each distinct trace once (as a float64 column where the arrivals are same-shaped, as
 * result columns are), keyed by a hash of its content; the three documents keep
 * `{"$trace": id}` in place of the arrivals, and the `trace_id` columns say which rows use
 * which trace, so that one nothing uses any more can be removed. Rows stored before keep their
 * arrivals inline and read as they did.
 */
export const v4Traces: Migration = {
  version: 4,
  description: 'traces stored once, referred to by scenarios, runs and results',
  tables: ['traces'],
  up: `
    CREATE TABLE traces (
      id    INTEGER PRIMARY KEY,
      -- SHA-256 of the packed arrivals: the same trace is stored once
      hash  TEXT NOT NULL UNIQUE,
      -- the packed arrivals: {"$columns": 0} when they are the column below, else the array
      json  TEXT NOT NULL,
      keys  TEXT,
      rows  INTEGER,
      data  BLOB
    );
    ALTER TABLE scenarios ADD COLUMN trace_id INTEGER REFERENCES traces (id);
    ALTER TABLE run_documents ADD COLUMN trace_id INTEGER REFERENCES traces (id);
    ALTER TABLE run_documents ADD COLUMN result_trace_id INTEGER REFERENCES traces (id);
    CREATE INDEX scenarios_by_trace ON scenarios (trace_id) WHERE trace_id IS NOT NULL;
    CREATE INDEX run_documents_by_trace ON run_documents (trace_id) WHERE trace_id IS NOT NULL;
    CREATE INDEX run_documents_by_result_trace ON run_documents (result_trace_id) WHERE result_trace_id IS NOT NULL;
  `,
}
