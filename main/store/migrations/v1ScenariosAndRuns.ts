import type { Migration } from './types'

/**
 * Version 1 as first shipped. A later build of the same version also created `runs.owner`;
 * version 2 adds it where it is missing, so databases of both builds reach the same schema.
 */
export const v1ScenariosAndRuns: Migration = {
  version: 1,
  description: 'scenarios and runs',
  tables: ['scenarios', 'runs'],
  up: `
      CREATE TABLE scenarios (
        id          INTEGER PRIMARY KEY,
        hash        TEXT NOT NULL,
        name        TEXT NOT NULL,
        json        TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        UNIQUE (hash, name)
      );
      CREATE TABLE runs (
        id                 INTEGER PRIMARY KEY,
        scenario_id        INTEGER NOT NULL REFERENCES scenarios (id),
        label              TEXT,
        status             TEXT NOT NULL
                           CHECK (status IN ('queued', 'running', 'finished', 'failed', 'cancelled', 'interrupted')),
        progress           REAL NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
        created_at         TEXT NOT NULL,
        started_at         TEXT,
        finished_at        TEXT,
        scenario_json      TEXT NOT NULL,
        scenario_hash      TEXT NOT NULL,
        seed               INTEGER NOT NULL,
        simulator_version  TEXT NOT NULL,
        result_json        TEXT,
        error              TEXT
      );
      CREATE INDEX runs_by_status ON runs (status);
      CREATE INDEX runs_by_scenario ON runs (scenario_id);
    `,
}
