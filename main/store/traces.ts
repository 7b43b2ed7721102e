import { createHash } from 'node:crypto'
import type { Db } from './db'
import { packResult, unpackResult, type ResultColumn } from './resultColumns'

/**
 * A trace's arrivals stored once (`migrations/v4Traces.ts`): the saved scenario, the run's copy
 * and the result's echo each keep `{"$trace": id}` in their place. Arrivals are packed as result
 * columns are, so a trace of same-shaped records is one float64 column and reads back bit for bit.
 */

const TRACE = '$trace'

interface TraceRow {
  json: string
  keys: string | null
  rows: number | null
  data: Buffer | null
}

/** The arrivals of a scenario whose traffic is a trace (a result's echo of one too), else undefined. */
export function traceArrivals(scenario: unknown): unknown[] | undefined {
  const serving = (scenario as { serving?: unknown } | null | undefined)?.serving
  const traffic = (serving as { traffic?: unknown } | null | undefined)?.traffic as
    { kind?: unknown; arrivals?: unknown } | null | undefined
  return traffic?.kind === 'trace' && Array.isArray(traffic.arrivals) ? traffic.arrivals : undefined
}

/** The scenario's JSON, with its trace's arrivals as `{"$trace": id}` when `traceId` is given. */
export function scenarioJson(scenario: object, traceId: number | undefined): string {
  if (traceId === undefined) return JSON.stringify(scenario)
  const { serving } = scenario as { serving: { traffic: object } }
  // Spreads keep every key where it was: the JSON differs from the scenario's only in the arrivals.
  return JSON.stringify({
    ...scenario,
    serving: { ...serving, traffic: { ...serving.traffic, arrivals: { [TRACE]: traceId } } },
  })
}

/**
 * A scenario's JSON read back, its arrivals put back from `readTrace`. In a scenario the arrivals
 * are always an array, so an object in their place is the store's, never the user's.
 */
export function parseScenario<T>(json: string, readTrace: (id: number) => unknown[]): T {
  const scenario = JSON.parse(json) as T
  const traffic = (scenario as { serving?: { traffic?: { kind?: unknown; arrivals?: unknown } } | null }).serving
    ?.traffic
  const reference = traffic?.kind === 'trace' ? (traffic.arrivals as Record<string, unknown> | undefined) : undefined
  if (reference && !Array.isArray(reference) && typeof reference[TRACE] === 'number') {
    traffic!.arrivals = readTrace(reference[TRACE])
  }
  return scenario
}

/** Hashes of arrivals already packed in this process, by identity: a run queued saves its trace twice. */
const knownHashes = new WeakMap<object, string>()

function packedHash(json: string, column: ResultColumn | undefined): string {
  const hash = createHash('sha256').update(json).update('\0')
  if (column) hash.update(JSON.stringify(column.keys)).update(`\0${column.rows}\0`).update(column.data)
  return hash.digest('hex')
}

/** Stored traces; `save` belongs in the transaction that stores what refers to the trace. */
export class TracesRepository {
  constructor(private readonly db: Db) {}

  /**
   * The id of the stored trace with these arrivals, storing them first if no trace has the same
   * content. Undefined for arrivals that do not pack into at most one column (never a valid
   * scenario's): they stay where they are.
   */
  save(arrivals: readonly unknown[]): number | undefined {
    const known = knownHashes.get(arrivals)
    const stored = known === undefined ? undefined : this.idOf(known)
    if (stored !== undefined) return stored
    const { json, columns } = packResult(arrivals)
    if (columns.length > 1) return undefined
    const [column] = columns
    const hash = packedHash(json, column)
    knownHashes.set(arrivals, hash)
    // A trace with this content stored already (here or by another process) is kept as it is.
    this.db
      .prepare('INSERT INTO traces (hash, json, keys, rows, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING')
      .run(hash, json, column ? JSON.stringify(column.keys) : null, column?.rows ?? null, column?.data ?? null)
    return this.idOf(hash)
  }

  /** The trace of a scenario, if it has one (see `save`). */
  saveFor(scenario: unknown): number | undefined {
    const arrivals = traceArrivals(scenario)
    return arrivals && this.save(arrivals)
  }

  read(id: number): unknown[] {
    const row = this.db.prepare('SELECT json, keys, rows, data FROM traces WHERE id = ?').get(id) as
      TraceRow | undefined
    if (!row) throw new Error(`trace ${id} is not stored`)
    const columns: ResultColumn[] =
      row.keys === null || row.data === null
        ? []
        : [{ slot: 0, keys: JSON.parse(row.keys) as string[], rows: row.rows ?? 0, data: row.data }]
    return unpackResult<unknown[]>(row.json, columns)
  }

  /** A reader that reads each trace once, however many documents refer to it. */
  reader(): (id: number) => unknown[] {
    const read = new Map<number, unknown[]>()
    return (id) => {
      let arrivals = read.get(id)
      if (!arrivals) read.set(id, (arrivals = this.read(id)))
      return arrivals
    }
  }

  /** Removes the traces no scenario, run or result refers to any more; returns how many. */
  purgeUnused(): number {
    return this.db
      .prepare(
        `DELETE FROM traces WHERE NOT EXISTS (SELECT 1 FROM scenarios WHERE trace_id = traces.id)
           AND NOT EXISTS (SELECT 1 FROM run_documents WHERE trace_id = traces.id)
           AND NOT EXISTS (SELECT 1 FROM run_documents WHERE result_trace_id = traces.id)`,
      )
      .run().changes
  }

  private idOf(hash: string): number | undefined {
    return (this.db.prepare('SELECT id FROM traces WHERE hash = ?').get(hash) as { id: number } | undefined)?.id
  }
}
