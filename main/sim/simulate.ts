import { assumptionLedger, resolveSystem } from './assumptions'
import { simulateInference } from './perf/inference'
import type { RunResult } from './result'
import { scenarioHash } from './scenario/hash'
import type { Scenario } from './scenario/schema'
import { SIMULATOR_VERSION } from './version'

export interface SimulationHooks {
  /** Fraction of the work done, 0..1; called often, so the caller throttles. */
  onProgress?: (fraction: number) => void
  /** Milliseconds from some fixed point; the host passes its clock so the core stays pure. */
  now?: () => number
}

const PROGRESS_EVERY_STEPS = 64

/** Runs a validated scenario. Same scenario and simulator version, same result (wall time aside). */
export function simulate(scenario: Scenario, hooks: SimulationHooks = {}): RunResult {
  const now = hooks.now ?? (() => 0)
  const onProgress = hooks.onProgress ?? (() => {})
  const started = now()
  const stepsPerSystem = scenario.workload.outputTokens
  const totalSteps = stepsPerSystem * scenario.systems.length

  const systems = scenario.systems.map((id, index) => {
    const done = index * stepsPerSystem
    const result = simulateInference(resolveSystem(id, scenario), scenario, (steps) => {
      if (steps % PROGRESS_EVERY_STEPS === 0) onProgress((done + steps) / totalSteps)
    })
    onProgress((done + stepsPerSystem) / totalSteps)
    return result
  })

  return {
    scenario,
    systems,
    assumptions: assumptionLedger(scenario),
    provenance: {
      simulatorVersion: SIMULATOR_VERSION,
      scenarioHash: scenarioHash(scenario),
      seed: scenario.seed,
      wallSeconds: (now() - started) / 1000,
    },
  }
}
