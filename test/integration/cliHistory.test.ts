import { afterAll, describe, expect, it } from 'vitest'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { RunResult } from '../../contract/api'
import { memwallInProcess, type CliOutcome } from './helpers/memwallCli'
import { tempDbPath } from './helpers/tempContainer'

// The CLI from its TypeScript source (through tsx), as in cli.test.ts: replay, export, import.
// Each call starts a process (about a second), so the longer tests get a minute.
const first = tempDbPath()
const second = tempDbPath()
afterAll(() => {
  first.cleanup()
  second.cleanup()
})

const memwall = (...args: string[]): Promise<CliOutcome> => memwallInProcess(first.dbPath, args)

const example = 'resources/scenarios/llama2-7b-chatbot.json'

async function runExample(...extra: string[]): Promise<number> {
  const run = await memwall('run', example, '--json', ...extra)
  expect(run.code).toBe(0)
  return (JSON.parse(run.stdout) as { runId: number }).runId
}

describe('memwall replay, export and import', () => {
  it('replays a stored run: reproduced, exit 0; --keep stores it as a new run', async () => {
    const runId = await runExample()
    const replay = await memwall('replay', String(runId))
    expect(replay.stderr).toBe('')
    expect(replay.code).toBe(0)
    expect(replay.stdout).toMatch(new RegExp(`^run #${runId} reproduced \\(simulator \\S+, seed 1\\)\\n$`))

    const json = await memwall('replay', String(runId), '--json', '--keep')
    expect(json.code).toBe(0)
    const report = JSON.parse(json.stdout)
    expect(report).toMatchObject({ runId, reproduced: true, changeCount: 0, keptRunId: expect.any(Number) })
    expect(report).not.toHaveProperty('replayResult')
    expect(report).not.toHaveProperty('originalResult')
    const kept = JSON.parse((await memwall('show', String(report.keptRunId), '--json')).stdout)
    expect(kept).toMatchObject({ replayOf: runId, label: `replay of #${runId}` })
  }, 60_000)

  it('exports runs to a bundle that another database imports, once', async () => {
    const ids = [await runExample('--label', 'exported'), await runExample('--seed', '3')]
    const file = `${first.dbPath}.bundle.json`
    const exported = await memwall('export', ...ids.map(String), '--out', file)
    expect(exported.stderr).toBe('')
    expect(exported.code).toBe(0)
    expect(exported.stdout).toBe(`wrote 2 run(s) to ${file}\n`)
    expect(JSON.parse(readFileSync(file, 'utf8')).runs.map((r: { sourceRunId: number }) => r.sourceRunId)).toEqual(ids)

    const imported = await memwall('import', file, '--db', second.dbPath)
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    expect(imported.stdout).toMatch(/^imported 2 run\(s\):\n {2}bundle run 0 → run #1\n {2}bundle run 1 → run #2\n$/)
    const shown = JSON.parse((await memwall('show', '1', '--db', second.dbPath, '--json')).stdout)
    expect(shown).toMatchObject({ label: 'exported', status: 'finished' })

    const again = JSON.parse((await memwall('import', file, '--db', second.dbPath, '--json')).stdout)
    expect(again).toEqual({
      imported: [],
      duplicates: [
        { bundleIndex: 0, existingRunId: 1 },
        { bundleIndex: 1, existingRunId: 2 },
      ],
    })
  }, 60_000)

  it('exits 1 and lists the changes when a replay differs', async () => {
    const runId = await runExample()
    // a damaged stored result: the first system's total time doubled
    const db = new Database(first.dbPath)
    const row = db.prepare('SELECT result_json FROM run_documents WHERE run_id = ?').get(runId) as {
      result_json: string
    }
    const result = JSON.parse(row.result_json) as RunResult
    result.systems[0]!.metrics!.totalSeconds *= 2
    db.prepare('UPDATE run_documents SET result_json = ? WHERE run_id = ?').run(JSON.stringify(result), runId)
    db.close()
    const replay = await memwall('replay', String(runId))
    expect(replay.code).toBe(1)
    expect(replay.stdout).toMatch(new RegExp(`^run #${runId} did not reproduce: 1 change\\(s\\)`))
    expect(replay.stdout).toMatch(/\nsystems\[sn40l-node\]\.metrics\.totalSeconds +\S+ +\S+ +-50\.00%\n/)
    expect(replay.stdout).toMatch(/\nlikely causes:\n {2}- same simulator, scenario and assumptions/)
  }, 60_000)

  it.each([
    [
      'a run id that is not a number',
      ['replay', 'seven'],
      /^memwall: runId: expected a positive integer, got "seven"\n$/,
    ],
    ['a run that does not exist', ['replay', '9999'], /^memwall: runId: run 9999 does not exist in this database\n$/],
    ['an export without --out', ['export', '1'], /^memwall: export: --out F is required/],
    [
      'an export of nothing',
      ['export', '--out', 'x.json'],
      /^memwall: export: expected at least 1 argument\(s\), got 0/,
    ],
    [
      'an import of a missing file',
      ['import', 'no/such.json'],
      /^memwall: no\/such\.json: cannot read the file \(no such file\)\n$/,
    ],
    ['an import of a file that is not JSON', ['import', 'NOT_JSON'], /^memwall: .*notjson\.txt: not a JSON file \(/],
    [
      'an import of a bundle from a newer workbench',
      ['import', 'NEWER'],
      /^memwall: import: bundle version 2 was written by a newer workbench: this workbench reads version 1\n$/,
    ],
  ])('exits 2 with one line for %s', async (_case, args, message) => {
    const files: Record<string, string> = {
      NOT_JSON: `${first.dbPath}.notjson.txt`,
      NEWER: `${first.dbPath}.newer.json`,
    }
    writeFileSync(files.NOT_JSON!, 'runs: 1\n')
    writeFileSync(files.NEWER!, JSON.stringify({ format: 'memwall-run-bundle', version: 2, runs: [] }))
    const result = await memwall(...args.map((arg) => files[arg] ?? arg))
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(message)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })
})

describe('memwall report', () => {
  it('writes a comparison in each of the four formats by the file extension, and the paper check', async () => {
    const ids = [await runExample('--label', 'reported'), await runExample('--seed', '5')]
    const formats = existsSync('/usr/bin/chromium') ? ['html', 'csv', 'json', 'pdf'] : ['html', 'csv', 'json']
    for (const format of formats) {
      const file = `${first.dbPath}.report.${format}`
      const written = await memwall('report', ...ids.map(String), '--out', file, '--baseline', String(ids[1]))
      expect(written.stderr).toBe('')
      expect(written.code).toBe(0)
      expect(written.stdout).toMatch(new RegExp(`^wrote .*\\.${format} \\(${format.toUpperCase()}, \\d+ bytes\\)\\n$`))
      expect(readFileSync(file).length).toBeGreaterThan(100)
    }
    const paper = await memwall('report', '--paper', '--out', `${first.dbPath}.paper.html`)
    expect(paper.code).toBe(0)
    expect(readFileSync(`${first.dbPath}.paper.html`, 'utf8')).toContain('SN40L paper check')
  }, 120_000)

  it.each([
    [['report', '1', '--out', 'r.txt'], /--out: r\.txt must end in \.html, \.pdf, \.csv, \.json/],
    [['report', '--out', 'r.html'], /give at least one run id, or --paper/],
    [['report', '99999', '--out', 'r.html'], /report: run 99999 does not exist/],
    [['report', '1', '--out', 'r.json', '--title', ' '], /--title: give a title/],
  ])('exits 2 with one line for %j', async (args, message) => {
    const result = await memwall(...args)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(message)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('refuses to write a report over the database', async () => {
    const runId = await runExample()
    const result = await memwall('report', String(runId), '--out', first.dbPath.replace(/\.db$/, '.db.csv'))
    expect(result.code).toBe(0)
    const over = await memwall('export', String(runId), '--out', first.dbPath)
    expect(over.code).toBe(2)
    expect(over.stderr).toMatch(/is the workbench database/)
  })
})
