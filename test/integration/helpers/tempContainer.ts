import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createContainer, type Container, type ContainerOptions } from '../../../main/container'
import { silentLogger } from '../../../main/services/logger'
import type { RunSummaryDto, ScenarioInput } from '../../../contract/api'
import { ScenarioSchema } from '../../../contract/api'

export const SCRIPTED_WORKER = new URL('../../fixtures/workers/scriptedWorker.ts', import.meta.url)

/** A fresh folder for a test database; remove it with `cleanup`. */
export function tempDbPath(): { dbPath: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'memwall-test-'))
  return { dbPath: join(dir, 'runs.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export function tempContainer(
  workerFile?: URL,
  options: Partial<ContainerOptions> = {},
): Container & { dbPath: string; dispose: () => Promise<void> } {
  const { dbPath, cleanup } = tempDbPath()
  const container = createContainer({ dbPath, workerFile, logger: silentLogger, ...options })
  return Object.assign(container, {
    dbPath,
    dispose: async () => {
      await container.shutdown()
      cleanup()
    },
  })
}

export function scenario(name: string, overrides: Partial<ScenarioInput> = {}) {
  return ScenarioSchema.parse({
    name,
    systems: ['sn40l-node', 'dgx-h100'],
    workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 20 },
    ...overrides,
  })
}

/** A small CoE served under Poisson traffic on the SN40L: a run of it takes milliseconds. */
export function smallServingScenario(name: string, seed = 7) {
  return scenario(name, {
    systems: ['sn40l-node'],
    serving: {
      experts: 20,
      traffic: { kind: 'poisson', rate: 3 },
      requests: 200,
      routing: { kind: 'zipf', exponent: 1 },
    },
    seed,
  })
}

/** Resolves with the first update of `runId` that satisfies `predicate`. */
export function nextUpdate(
  container: Container,
  runId: number,
  predicate: (run: RunSummaryDto) => boolean,
): Promise<RunSummaryDto> {
  return new Promise((resolve) => {
    const listener = (run: RunSummaryDto): void => {
      if (run.id !== runId || !predicate(run)) return
      container.events.off('onRunUpdated', listener)
      resolve(run)
    }
    container.events.on('onRunUpdated', listener)
  })
}
