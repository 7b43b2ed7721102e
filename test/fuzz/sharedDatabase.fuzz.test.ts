import Database from 'better-sqlite3'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { CHANNELS } from '../../contract/channels'
import { PROFILE, timeoutFor } from './profile'

// Two browser hosts and a stream of CLI sweeps write one database at once, as separate processes.
// Nothing may be lost, nothing refused as "locked", and no request may fail with a 5xx.

const root = fileURLToPath(new URL('../../', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'memwall-shared-'))
const dbPath = join(dir, 'shared.db')
const children: ChildProcess[] = []
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

function memwall(args: string[]): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli.ts', ...args, '--db', dbPath], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { child, output: () => output, exit }
}

async function serve(): Promise<{ url: string; stop: () => Promise<number | null>; output: () => string }> {
  const host = memwall(['serve', '--port', '0'])
  for (let waited = 0; waited < 60_000; waited += 50) {
    const match = /serving on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(host.output())
    if (match) {
      return {
        url: match[1]!,
        output: host.output,
        stop: () => {
          host.child.kill('SIGTERM')
          return host.exit
        },
      }
    }
    if (host.child.exitCode !== null) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`memwall serve did not start:\n${host.output()}`)
}

async function call(url: string, channel: string, body: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(`${url}api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, text: await response.text() }
}

const scenario = {
  name: 'shared database',
  systems: ['sn40l-node', 'dgx-h100'],
  workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 20 },
}

describe(`one database, several processes (${PROFILE.name} profile: ${PROFILE.sharedDatabaseSeconds} s)`, () => {
  it(
    'two hosts and CLI sweeps writing at once lose nothing and answer no 5xx or "locked"',
    async () => {
      const hosts = await Promise.all([serve(), serve()])
      const deadline = Date.now() + PROFILE.sharedDatabaseSeconds * 1000
      const failures: string[] = []
      const started: number[] = []
      const sweeps: { code: number | null; output: string }[] = []

      const sweeping = (async () => {
        while (Date.now() < deadline) {
          const sweep = memwall([
            'sweep',
            'resources/scenarios/llama2-7b-chatbot.json',
            '--vary',
            'workload.batch=1..120:1',
            '--json',
          ])
          sweeps.push({ code: await sweep.exit, output: sweep.output() })
        }
      })()

      const driving = hosts.map(async ({ url }, h) => {
        for (let i = 0; Date.now() < deadline; i++) {
          const answers = [
            await call(url, CHANNELS.runsStart, {
              scenario: { ...scenario, seed: h * 100_000 + i },
              label: `h${h}-${i}`,
            }),
            await call(url, CHANNELS.scenariosSave, { scenario: { ...scenario, name: `h${h} ${i}` } }),
            await call(url, CHANNELS.runsList, { limit: 20 }),
          ]
          const [run] = answers
          if (run!.status === 200) started.push((JSON.parse(run!.text) as { value: { id: number } }).value.id)
          const last = started.at(-1)
          if (last !== undefined) answers.push(await call(url, CHANNELS.runsUpdate, { runId: last, tags: [`h${h}`] }))
          for (const answer of answers) {
            if (answer.status >= 500 || /locked|busy/i.test(answer.text))
              failures.push(`${answer.status} ${answer.text}`)
          }
        }
      })
      await Promise.all([...driving, sweeping])

      // Every run either host started finishes, wherever it ran.
      for (const id of started) {
        for (let tries = 0; ; tries++) {
          const { text } = await call(hosts[0]!.url, CHANNELS.runsGet, { runId: id })
          const status = (JSON.parse(text) as { value?: { status: string } }).value?.status
          if (status === 'finished') break
          if (status !== 'queued' && status !== 'running') {
            failures.push(`run ${id} ended ${status}: ${text.slice(0, 300)}`)
            break
          }
          if (tries > 600) throw new Error(`run ${id} still ${status}`)
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
      }
      const stops = await Promise.all(hosts.map((host) => host.stop()))
      for (const host of hosts) if (/locked|busy/i.test(host.output())) failures.push(host.output())
      for (const sweep of sweeps) {
        if (sweep.code !== 0) failures.push(`sweep exited ${sweep.code}: ${sweep.output.slice(-500)}`)
      }
      expect(failures).toEqual([])
      expect(stops).toEqual([0, 0])
      expect(started.length).toBeGreaterThan(0)
      expect(sweeps.length).toBeGreaterThan(0)

      const db = new Database(dbPath, { readonly: true })
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
        const runs = db.prepare("SELECT count(*) AS n FROM runs WHERE status = 'finished'").get() as { n: number }
        expect(runs.n).toBe(started.length)
        const points = db
          .prepare("SELECT count(*) AS total, sum(status = 'finished' AND done = points) AS complete FROM sweeps")
          .get() as { total: number; complete: number }
        expect(points).toEqual({ total: sweeps.length, complete: sweeps.length })
      } finally {
        db.close()
      }
    },
    timeoutFor(1, 120_000) + PROFILE.sharedDatabaseSeconds * 3_000,
  )
})
