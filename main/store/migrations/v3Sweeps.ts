import type { Migration } from './types'

/**
 * Sweeps: a grid of scenario variants run as one task. `sweeps` holds the grid (base scenario,
 * axes, seeds per point) and its counts; `sweep_points` one row per grid point, keyed by its
 * row-major index, with only the point's metrics (never whole results). `sweep_hash` identifies
 * the grid, so shards of one sweep run on other machines can be merged.
 */
export const v3Sweeps: Migration = {
  version: 3,
  description: 'sweeps and their grid points',
  tables: ['sweeps', 'sweep_points'],
  up: `
    CREATE TABLE sweeps (
      id                 INTEGER PRIMARY KEY,
      label              TEXT,
      status             TEXT NOT NULL
                         CHECK (status IN ('queued', 'running', 'finished', 'failed', 'cancelled', 'interrupted')),
      scenario_json      TEXT NOT NULL,
      axes_json          TEXT NOT NULL,
      seeds              INTEGER NOT NULL CHECK (seeds >= 1),
      sweep_hash         TEXT NOT NULL,
      simulator_version  TEXT NOT NULL,
      points             INTEGER NOT NULL CHECK (points >= 1),
      done               INTEGER NOT NULL DEFAULT 0,
      failed             INTEGER NOT NULL DEFAULT 0,
      owner              TEXT,
      created_at         TEXT NOT NULL,
      finished_at        TEXT,
      error              TEXT,
      deleted_at         TEXT
    );
    CREATE INDEX sweeps_by_created ON sweeps (deleted_at, created_at);
    CREATE INDEX sweeps_by_hash ON sweeps (sweep_hash);

    CREATE TABLE sweep_points (
      sweep_id      INTEGER NOT NULL REFERENCES sweeps (id) ON DELETE CASCADE,
      idx           INTEGER NOT NULL,
      values_json   TEXT NOT NULL,
      status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
      error         TEXT,
      metrics_json  TEXT,
      PRIMARY KEY (sweep_id, idx)
    ) WITHOUT ROWID;
  `,
}
