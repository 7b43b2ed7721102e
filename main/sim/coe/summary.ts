import type { ResolvedSystem } from '../assumptions'
import type { ExpertPlacement } from '../perf/coeCall'
import type { Serving } from '../scenario/servingSchema'
import type { ServingContext } from './context'
import type { LatencyStats, ServingSystemResult } from '../result'

const emptyLatency: LatencyStats = { count: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 }

function outOfMemory(system: ResolvedSystem, config: Serving, placement: ExpertPlacement): ServingSystemResult {
  const tb = (bytes: number): string => `${(bytes / 1e12).toFixed(2)} TB`
  const message = `out of memory: ${config.experts} experts need ${tb(config.experts * placement.expertBytes)}; HBM holds ${placement.residentSlots} and the ${system.spec.capacityTier.name} ${tb(system.spec.capacityTier.bytes.value)}`
  return {
    systemId: system.spec.id,
    systemName: system.spec.name,
    status: 'outOfMemory',
    message,
    residentSlots: placement.residentSlots,
    requests: { arrived: 0, completed: 0, dropped: 0, timedOut: 0, stillQueued: 0 },
    simulatedSeconds: 0,
    events: 0,
    throughput: { requestsPerSecond: 0, outputTokensPerSecond: 0 },
    ttft: emptyLatency,
    tpot: emptyLatency,
    e2e: emptyLatency,
    e2eCdf: [],
    switching: { count: 0, seconds: 0, shareOfBusy: 0 },
    busy: { seconds: 0, router: 0, switching: 0, experts: 0 },
    hitRate: 0,
    utilisation: 0,
    queue: { meanWaiting: 0, maxWaiting: 0, meanInSystem: 0 },
    littlesLaw: { inSystem: 0, arrivalRate: 0, meanLatency: 0 },
    series: { waiting: [], resident: [], switches: [], latency: [] },
  }
}

/**
 * Where the accelerator's busy time went: router passes, switches it waited for (a prefetched
 * copy's overlap with compute is not its time), and the experts' own prefill and decode.
 */
function busyBreakdown(seconds: number, router: number, switching: number): ServingSystemResult['busy'] {
  const waited = Math.max(0, switching)
  return { seconds, router, switching: waited, experts: Math.max(0, seconds - router - waited) }
}

function finished(
  system: ResolvedSystem,
  config: Serving,
  placement: ExpertPlacement,
  ctx: ServingContext,
  events: number,
): ServingSystemResult {
  const { metrics, state } = ctx
  const { counters } = metrics
  const end = state.now
  const e2e = metrics.e2e.summary()
  const accesses = counters.hits + counters.misses
  const busySeconds = metrics.busy.mean(end) * end
  return {
    systemId: system.spec.id,
    systemName: system.spec.name,
    status: 'ok',
    message: null,
    residentSlots: state.cache.slots,
    requests: {
      arrived: counters.arrived,
      completed: counters.completed,
      dropped: counters.dropped,
      timedOut: counters.timedOut,
      stillQueued: state.waiting,
    },
    simulatedSeconds: end,
    events,
    throughput: {
      requestsPerSecond: end > 0 ? counters.completed / end : 0,
      outputTokensPerSecond: end > 0 ? metrics.outputTokens / end : 0,
    },
    ttft: metrics.ttft.summary(),
    tpot: metrics.tpot.summary(),
    e2e,
    e2eCdf: metrics.e2e.cdf(),
    switching: {
      count: counters.switches,
      seconds: counters.switchSeconds,
      shareOfBusy: busySeconds > 0 ? counters.switchSeconds / busySeconds : 0,
    },
    busy: busyBreakdown(busySeconds, metrics.routerSeconds, counters.switchSeconds - metrics.hiddenSwitchSeconds),
    hitRate: accesses > 0 ? counters.hits / accesses : 0,
    utilisation: end > 0 ? metrics.busy.mean(end) : 0,
    queue: {
      meanWaiting: metrics.waiting.mean(end),
      maxWaiting: metrics.waiting.max,
      meanInSystem: metrics.inSystem.mean(end),
    },
    littlesLaw: {
      inSystem: metrics.inSystem.mean(end),
      arrivalRate: end > 0 ? counters.arrived / end : 0,
      meanLatency: e2e.mean,
    },
    series: {
      waiting: metrics.series.waiting.points(),
      resident: metrics.series.resident.points(),
      switches: metrics.series.switches.points(),
      latency: metrics.series.latency.points(),
    },
  }
}

export const summarise = { outOfMemory, finished }
