import { assumptionLedger, resolveSystem } from './assumptions'
import { simulateServing } from './coe/simulate'
import { simulateInference } from './perf/inference'
import type { RunResult, ServingSystemResult } from './result'
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
/** Share of the progress bar the inference table takes when a serving simulation follows. */
const INFERENCE_SHARE_WITH_SERVING = 0.1

/** Runs a validated scenario. Same scenario and simulator version, same result (wall time aside). */
export function simulate(scenario: Scenario, hooks: SimulationHooks = {}): RunResult {
  const now = hooks.now ?? (() => 0)
  const report = hooks.onProgress ?? (() => {})
  const started = now()
  const inferenceShare = scenario.serving ? INFERENCE_SHARE_WITH_SERVING : 1
  const stepsPerSystem = scenario.workload.outputTokens
  const totalSteps = stepsPerSystem * scenario.systems.length

  const systems = scenario.systems.map((id, index) => {
    const done = index * stepsPerSystem
    const result = simulateInference(resolveSystem(id, scenario), scenario, (steps) => {
      if (steps % PROGRESS_EVERY_STEPS === 0) report(((done + steps) / totalSteps) * inferenceShare)
    })
    report(((done + stepsPerSystem) / totalSteps) * inferenceShare)
    return result
  })

  let serving: ServingSystemResult[] | null = null
  if (scenario.serving) {
    const config = scenario.serving
    const count = scenario.systems.length
    serving = scenario.systems.map((id, index) =>
      simulateServing(resolveSystem(id, scenario), config, scenario.seed, {
        onProgress: (fraction) => report(inferenceShare + ((1 - inferenceShare) * (index + fraction)) / count),
      }),
    )
  }

  return {
    scenario,
    systems,
    serving,
    assumptions: assumptionLedger(scenario),
    provenance: {
      simulatorVersion: SIMULATOR_VERSION,
      scenarioHash: scenarioHash(scenario),
      seed: scenario.seed,
      wallSeconds: (now() - started) / 1000,
      events: serving?.reduce((sum, s) => sum + s.events, 0) ?? 0,
    },
  }
}
