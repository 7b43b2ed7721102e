import {
  ScenarioSchema,
  type LatencyStats,
  type Scenario,
  type ScenarioInput,
  type ServingSystemResult,
} from '../../../contract/api'
import { scenario } from './fixtures'

export type ServingConfig = NonNullable<Scenario['serving']>

/** A scenario's serving section as the API stores it: the schema fills the defaults (of this build). */
export function servingConfig(input: NonNullable<ScenarioInput['serving']>): ServingConfig {
  return ScenarioSchema.parse({ ...scenario, serving: input }).serving!
}

/** Latency stats whose percentiles are the given seconds; count and mean are not read by charts. */
export function latency(p50: number, p90: number, p99: number, max: number): LatencyStats {
  return { count: 100, mean: (p50 + p90) / 2, p50, p90, p99, max }
}

/** A hand-made serving result; only the fields the renderer reads carry meaning. */
export function servingSystem(
  id: string,
  name: string,
  overrides: Partial<ServingSystemResult> = {},
): ServingSystemResult {
  return {
    systemId: id,
    systemName: name,
    status: 'ok',
    message: null,
    residentSlots: 36,
    requests: { arrived: 20000, completed: 19990, dropped: 4, timedOut: 6, stillQueued: 0 },
    simulatedSeconds: 100,
    events: 1000,
    throughput: { requestsPerSecond: 1.512, outputTokensPerSecond: 38.83 },
    ttft: latency(0.0066, 0.0237, 0.1658, 0.4669),
    tpot: latency(0.00267, 0.00268, 0.00268, 0.00289),
    e2e: latency(0.0664, 0.1576, 0.3177, 0.6886),
    e2eCdf: [
      { seconds: 0, fraction: 0 },
      { seconds: 0.02, fraction: 0.25 },
      { seconds: 0.0664, fraction: 0.5 },
      { seconds: 0.6886, fraction: 1 },
    ],
    switching: { count: 5505, seconds: 76.9, shareOfBusy: 0.0507 },
    hitRate: 0.7246,
    utilisation: 0.1147,
    queue: { meanWaiting: 0.0216, maxWaiting: 4, meanInSystem: 0.1259 },
    littlesLaw: { inSystem: 0.1259, arrivalRate: 1.512, meanLatency: 0.0833 },
    series: {
      waiting: [
        { time: 0, value: 0 },
        { time: 10, value: 3 },
        { time: 20, value: 1 },
      ],
      resident: [
        { time: 0, value: 0 },
        { time: 10, value: 36 },
      ],
      switches: [
        { time: 0, value: 0 },
        { time: 10, value: 128 },
        { time: 20, value: 180 },
      ],
      latency: [{ time: 5, value: 0.08 }],
    },
    ...overrides,
  }
}

/** A system whose experts do not fit: no requests served, no points, a message. */
export function outOfMemoryServing(id: string, name: string): ServingSystemResult {
  return {
    ...servingSystem(id, name),
    status: 'outOfMemory',
    message: 'out of memory: 200 experts need 2.70 TB; HBM holds 46 and the host memory 2.05 TB',
    requests: { arrived: 0, completed: 0, dropped: 0, timedOut: 0, stillQueued: 0 },
    e2eCdf: [],
    series: { waiting: [], resident: [], switches: [], latency: [] },
  }
}
