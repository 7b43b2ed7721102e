import type Database from 'better-sqlite3'
import type { Migration } from './types'

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name)
}

/**
 * Run history: notes, stars, tags, soft deletion (undo), sweeps' seed counts, replays' links,
 * the columns the history filters on (copied out of the scenario JSON so a page never parses
 * it), the scenario and result documents moved out of `runs` (a filter that scans runs would
 * otherwise walk every row's result pages to reach the columns after it), large numeric arrays
 * of results in columnar blobs, and the indices the first page needs.
 */
export const v2RunHistory: Migration = {
  version: 2,
  description: 'run history: tags, notes, stars, deletion, replays, filter columns, result columns; saved scenarios',
  tables: ['run_documents', 'run_tags', 'run_columns'],
  up(db) {
    // Databases from the first build of version 1 have no owner column; later ones do.
    if (!columns(db, 'runs').includes('owner')) db.exec('ALTER TABLE runs ADD COLUMN owner TEXT')
    db.exec(`
      ALTER TABLE runs ADD COLUMN notes TEXT;
      ALTER TABLE runs ADD COLUMN starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1));
      ALTER TABLE runs ADD COLUMN seeds INTEGER NOT NULL DEFAULT 1 CHECK (seeds >= 1);
      ALTER TABLE runs ADD COLUMN replay_of INTEGER REFERENCES runs (id) ON DELETE SET NULL;
      ALTER TABLE runs ADD COLUMN deleted_at TEXT;
      ALTER TABLE runs ADD COLUMN scenario_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE runs ADD COLUMN model TEXT NOT NULL DEFAULT '';
      -- the run's system ids as ',a,b,': a filter on one system is a LIKE '%,id,%'
      ALTER TABLE runs ADD COLUMN systems TEXT NOT NULL DEFAULT ',';

      -- A row whose JSON does not parse keeps the defaults rather than stopping the migration.
      UPDATE runs SET
        scenario_name = COALESCE(json_extract(scenario_json, '$.name'), ''),
        model = COALESCE(json_extract(scenario_json, '$.workload.model'), ''),
        systems = ',' || COALESCE((SELECT group_concat(value, ',') FROM json_each(scenario_json, '$.systems')), '') || ','
      WHERE json_valid(scenario_json);
      UPDATE runs SET seeds = MAX(1, json_array_length(result_json, '$.sweep.seeds'))
      WHERE json_valid(result_json) AND json_type(result_json, '$.sweep.seeds') = 'array';

      CREATE TABLE run_documents (
        run_id         INTEGER PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
        scenario_json  TEXT NOT NULL,
        result_json    TEXT
      );
      INSERT INTO run_documents (run_id, scenario_json, result_json) SELECT id, scenario_json, result_json FROM runs;
      ALTER TABLE runs DROP COLUMN scenario_json;
      ALTER TABLE runs DROP COLUMN result_json;

      CREATE TABLE run_tags (
        run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        tag     TEXT NOT NULL,
        PRIMARY KEY (run_id, tag)
      ) WITHOUT ROWID;
      CREATE INDEX run_tags_by_tag ON run_tags (tag, run_id);

      -- An array of same-shaped numeric records from a result (a time series, a CDF), as one
      -- float64 column per key, column after column; run_documents.result_json holds {"$columns": slot}.
      CREATE TABLE run_columns (
        run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        slot    INTEGER NOT NULL,
        keys    TEXT NOT NULL,
        rows    INTEGER NOT NULL,
        data    BLOB NOT NULL,
        PRIMARY KEY (run_id, slot)
      ) WITHOUT ROWID;

      -- Saved scenarios: a row's configuration never changes once runs may point at it; saving an
      -- edit stores the new configuration and retires the old row (deleted_at), which runs keep.
      ALTER TABLE scenarios ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
      ALTER TABLE scenarios ADD COLUMN deleted_at TEXT;
      UPDATE scenarios SET updated_at = created_at;
      CREATE INDEX scenarios_by_updated ON scenarios (deleted_at, updated_at);

      CREATE INDEX runs_by_created ON runs (deleted_at, created_at);
      CREATE INDEX runs_by_model ON runs (model, created_at);
      CREATE INDEX runs_by_duplicate ON runs (scenario_hash, seed, simulator_version);
      CREATE INDEX runs_by_replay ON runs (replay_of);
    `)
  },
}
