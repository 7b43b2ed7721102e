import fc from 'fast-check'
import Database from 'better-sqlite3'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatch } from '../../main/dispatch'
import { startHost, type RunningHost } from '../../main/host/server'
import { API_METHODS, CHANNELS, type ApiMethod } from '../../contract/channels'
import { rawRequest, type RawAnswer } from '../integration/helpers/rawHttp'
import { scenario, tempContainer } from '../integration/helpers/tempContainer'
import { deeplyNested, mutated } from './jsonMutations'
import { PROFILE, timeoutFor } from './profile'

// Every host channel gets generated wrong bodies. What a refusal must look like: a 4xx envelope
// naming what was wrong, never a 5xx, and not one commit to the database.

const container = tempContainer()
let host: RunningHost
let observer: Database.Database

const small = scenario('fuzz base', { systems: ['sn40l-node'] })

/** A valid body of each channel: the seed that mutations start from. Typed by the channel list. */
const VALID_BODIES: Record<ApiMethod, unknown> = {
  presetsList: {},
  scenariosList: { limit: 5 },
  scenariosSave: { scenario: small },
  scenariosDelete: { id: 1 },
  paperReport: { hostLinkModel: 'paper' },
  validationRun: { stack: 'nemo-2023' },
  runsStart: { scenario: small, label: 'fuzz', seeds: 1 },
  runsCancel: { runId: 1 },
  runsList: { limit: 5, offset: 0, sort: 'createdAt', order: 'desc', label: 'a', system: 'dgx-h100' },
  runsGet: { runId: 1 },
  runsUpdate: { runId: 1, label: 'l', notes: 'n', starred: true, tags: ['t'] },
  runsDelete: { runIds: [1] },
  runsRestore: { runIds: [1] },
  runsReplay: { runId: 1, keep: false },
  runsExport: { runIds: [1] },
  runsImport: { bundle: { format: 'memwall-runs', version: 1, runs: [] } },
  tagsList: {},
  reportsExport: { runIds: [1], format: 'csv' },
  sweepsStart: { scenario: small, axes: [{ path: 'workload.batch', values: [1, 2] }] },
  sweepsList: { limit: 5 },
  sweepsGet: { sweepId: 1 },
  sweepsCancel: { sweepId: 1 },
  sweepsResume: { sweepId: 1 },
  sweepsDelete: { sweepId: 1 },
  sensitivityRun: { scenario: small, metric: 'totalSeconds', system: 'sn40l-node', step: 0.2 },
  sensitivityCancel: { requestId: 'fuzz' },
}

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'memwall-renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>fuzz</title>')
  host = await startHost({ container, dispatch: createDispatch(container, () => {}), rendererDir, port: 0 })
  // Something to find: a finished run and a finished sweep.
  await container.runs.waitFor(container.runs.start({ scenario: small }).id)
  const sweep = await container.sweeps.start({ scenario: small, axes: [{ path: 'workload.batch', values: [1, 2] }] })
  await container.sweeps.waitFor(sweep.id)
  // Another connection sees every commit of the host's as a change of data_version.
  observer = new Database(container.dbPath, { readonly: true })
})
afterAll(async () => {
  observer.close()
  await host.close()
  await container.dispose()
})

const post = (channel: string, body: string): Promise<RawAnswer> =>
  rawRequest(host.port, `/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })

const dataVersion = (): number => observer.pragma('data_version', { simple: true }) as number

/** Stops whatever an accepted request started, so that later refusals can be checked for writes. */
async function settle(): Promise<void> {
  for (const run of container.runs.recent(1000)) {
    if (run.status === 'queued' || run.status === 'running') await container.runs.cancel(run.id).catch(() => {})
  }
  for (const sweep of container.sweeps.list(1000)) {
    if (sweep.status === 'running') await container.sweeps.cancel(sweep.id).catch(() => {})
  }
}

interface Finding {
  channel: string
  body: string
  status: number
  answer: string
}

/** Sends one body; answers what was wrong with the answer, or null. */
async function probe(channel: string, body: string): Promise<Finding | null> {
  const before = dataVersion()
  const answer = await post(channel, body)
  const finding = { channel, body: body.slice(0, 300), status: answer.status, answer: answer.body.slice(0, 300) }
  if (answer.status >= 500) return finding
  let envelope: { ok?: unknown; error?: { code?: unknown; message?: unknown } }
  try {
    envelope = JSON.parse(answer.body) as typeof envelope
  } catch {
    return finding
  }
  if (answer.status >= 400) {
    if (envelope.ok !== false || typeof envelope.error?.message !== 'string' || envelope.error.message === '') {
      return finding
    }
    if (dataVersion() !== before) return { ...finding, answer: `refused, but the database changed: ${finding.answer}` }
  } else await settle()
  return null
}

describe(`host channels under generated bodies (${PROFILE.name} profile, seed ${PROFILE.seed})`, () => {
  const perChannel = Math.max(4, Math.ceil(PROFILE.hostRequests / API_METHODS.length))

  it(
    'answers every generated body of every channel with an envelope, never a 5xx, and refusals write nothing',
    async () => {
      const findings: Finding[] = []
      let sent = 0
      for (const method of API_METHODS) {
        const bodies = fc.sample(
          fc.oneof(
            { weight: 6, arbitrary: mutated(VALID_BODIES[method]) },
            { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
          ),
          { numRuns: perChannel, seed: PROFILE.seed + sent },
        )
        for (const body of bodies) {
          const text = JSON.stringify(body) ?? 'null'
          const finding = await probe(CHANNELS[method], text)
          sent += 1
          if (finding) findings.push(finding)
        }
      }
      expect(sent).toBeGreaterThanOrEqual(PROFILE.hostRequests)
      expect(findings).toEqual([])
    },
    timeoutFor(PROFILE.hostRequests, 40),
  )

  it('refuses malformed JSON, a wrong type of body and a body nested 200,000 deep with a 4xx', async () => {
    const findings: Finding[] = []
    for (const method of API_METHODS) {
      for (const body of ['', '{', 'null', '[]', '"text"', '{"__proto__":{"x":1}}', deeplyNested(200_000)]) {
        const finding = await probe(CHANNELS[method], body)
        if (finding) findings.push(finding)
      }
    }
    expect(findings).toEqual([])
  })
})
