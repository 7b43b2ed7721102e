import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readSweepsFile } from '../../main/store'
import { memwallInProcess, type CliOutcome } from './helpers/memwallCli'
import { tempDbPath } from './helpers/tempContainer'

// The CLI from its TypeScript source (through tsx), so the test needs no build.
const { dbPath, cleanup } = tempDbPath()
afterAll(cleanup)
const dir = join(dbPath, '..')

const memwall = (...args: string[]): Promise<CliOutcome> => memwallInProcess(dbPath, args)

const example = 'resources/scenarios/coe-footprint.json'
const vary = ['--vary', 'serving.experts=10..100:10', '--vary', 'serving.cachePolicy=lru,lfu']
const db = (name: string): string => join(dir, name)

describe('memwall sweep and merge', () => {
  it('prints each point and where each system needs another machine', async () => {
    const sweep = await memwall('sweep', example, '--vary', 'serving.experts=10..100:10')
    expect(sweep.stderr).toBe('')
    expect(sweep.code).toBe(0)
    expect(sweep.stdout).toMatch(/^sweep \d+ finished: .* 10 point\(s\), 10 done, 0 failed/)
    expect(sweep.stdout).toMatch(/\n# +serving\.experts +sn40l-node p99 +sn40l-node machines +dgx-h100 p99/)
    expect(sweep.stdout).toMatch(
      /\n {2}dgx-h100 needs 2 machines above 40 experts, then 3 above 90 \(serving\.experts\)/,
    )
  })

  it('refuses a --vary it cannot read, with exit code 2', async () => {
    const bad = await memwall('sweep', example, '--vary', 'serving.experts=100..10:5')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--vary serving\.experts: the range 100\.\.10 runs backwards/)
    const invalid = await memwall('sweep', example, '--vary', 'serving.experts=0,10')
    expect(invalid.code).toBe(2)
    expect(invalid.stderr).toMatch(/serving\.experts=0 is not a valid scenario/)
  })

  it('runs shards into their own databases and merges them into the whole sweep', async () => {
    const whole = JSON.parse((await memwall('sweep', example, ...vary, '--json', '--db', db('whole.db'))).stdout)
    const shards: { sweepHash: string; points: unknown[] }[] = []
    for (const i of [0, 1, 2]) {
      const shard = await memwall('sweep', example, ...vary, '--json', '--shard', `${i}/3`, '--db', db(`shard${i}.db`))
      shards.push(JSON.parse(shard.stdout))
    }
    expect(shards.map((s) => s.sweepHash)).toEqual([whole.sweepHash, whole.sweepHash, whole.sweepHash])
    // 20 points strided over 3 shards: 7, 7, 6
    expect(shards.map((s) => s.points.length)).toEqual([7, 7, 6])

    const merged = await memwall(
      'merge',
      db('shard0.db'),
      db('shard1.db'),
      db('shard2.db'),
      '--db',
      db('merged.db'),
      '--json',
    )
    expect(merged.code).toBe(0)
    const report = JSON.parse(merged.stdout)
    expect(report).toMatchObject({ shards: 3, pointsMerged: 20, sweep: { status: 'finished', done: 20, points: 20 } })
    const [stored] = readSweepsFile(db('merged.db'))
    expect(stored!.points.map((p) => p.metrics)).toEqual(whole.points.map((p: { metrics: unknown }) => p.metrics))
  }, 120_000)

  it('refuses a shard of another sweep, or one whose results differ, and writes nothing', async () => {
    await memwall('sweep', example, '--vary', 'serving.experts=10,20', '--shard', '0/2', '--db', db('a.db'))
    await memwall('sweep', example, '--vary', 'serving.experts=10,30', '--shard', '1/2', '--db', db('b.db'))
    const other = await memwall('merge', db('a.db'), db('b.db'), '--db', db('target.db'))
    expect(other.code).toBe(2)
    expect(other.stderr).toMatch(/b\.db is a shard of another sweep \(sweep hash \w+…, not \w+… as in .*a\.db\)/)

    await memwall('sweep', example, '--vary', 'serving.experts=10,20', '--db', db('c.db'))
    const tampered = new Database(db('c.db'))
    tampered.prepare(`UPDATE sweep_points SET metrics_json = '{}' WHERE idx = 0`).run()
    tampered.close()
    const differs = await memwall('merge', db('a.db'), db('c.db'), '--db', db('target.db'))
    expect(differs.code).toBe(2)
    expect(differs.stderr).toMatch(/point 0 \(\[10\]\) has different results in .*a\.db and .*c\.db/)

    const target = new Database(db('target.db'), { readonly: true })
    expect(target.prepare('SELECT COUNT(*) AS n FROM sweeps').get()).toEqual({ n: 0 })
    target.close()
  })
})
