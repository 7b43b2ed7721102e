import { CACHE_POLICY, type Scenario } from '../../../contract/api'
import { formatCount, formatSeconds } from './quantities'

type Serving = NonNullable<Scenario['serving']>

/** What arrives: Poisson at a rate, MMPP between two rates, or a trace. */
export function describeTraffic(config: Serving['traffic']): string {
  if (config.kind === 'poisson') return `Poisson arrivals at ${config.rate} req/s`
  if (config.kind === 'mmpp') return `bursty arrivals (MMPP) at ${config.rates[0]} and ${config.rates[1]} req/s`
  return `a trace of ${formatCount(config.arrivals.length)} arrivals`
}

function routing(config: Serving['routing']): string {
  if (config.kind === 'zipf') return `Zipf routing (exponent ${config.exponent})`
  if (config.kind === 'table') return 'routing by table'
  return 'uniform routing'
}

/** One line saying what a serving scenario simulates, for the head of its result section. */
export function describeServing(config: Serving): string {
  const scheduling =
    config.scheduling === 'residentFirst'
      ? `resident-first scheduling (fairness ${formatSeconds(config.fairnessSeconds)})`
      : 'first-come first-served'
  return [
    `${formatCount(config.experts)} ${config.expertModel} experts`,
    describeTraffic(config.traffic),
    `${formatCount(config.requests)} requests`,
    routing(config.routing),
    `${CACHE_POLICY[config.cachePolicy].label} cache`,
    `batches of up to ${config.maxBatch}`,
    scheduling,
  ].join(' · ')
}
