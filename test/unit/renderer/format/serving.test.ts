import { describe, expect, it } from 'vitest'
import { describeServing, describeTraffic } from '../../../../renderer/src/format/serving'
import { servingConfig, type ServingConfig } from '../servingFixtures'

const config = servingConfig({
  experts: 100,
  traffic: { kind: 'poisson', rate: 1.5 },
  requests: 20000,
  routing: { kind: 'zipf', exponent: 1 },
  cachePolicy: 'lru',
  maxBatch: 8,
  scheduling: 'residentFirst',
  fairnessSeconds: 1,
})

describe('describeServing', () => {
  it('says what the scenario serves, in one line', () => {
    expect(describeServing(config)).toBe(
      '100 llama2-7b experts · Poisson arrivals at 1.5 req/s · 20,000 requests · Zipf routing (exponent 1) · ' +
        'LRU cache · batches of up to 8 · resident-first scheduling (fairness 1 s)',
    )
  })

  it('names uniform routing, a routing table and first-come first-served', () => {
    const text = describeServing({ ...config, routing: { kind: 'table', weights: [1, 2] }, scheduling: 'fcfs' })
    expect(text).toContain('routing by table')
    expect(text).toContain('first-come first-served')
    expect(describeServing({ ...config, routing: { kind: 'uniform' } })).toContain('uniform routing')
  })
})

describe('describeTraffic', () => {
  it.each([
    [{ kind: 'mmpp', rates: [1, 5], switchRates: [0.1, 0.2] }, 'bursty arrivals (MMPP) at 1 and 5 req/s'],
    [
      {
        kind: 'trace',
        arrivals: [
          { time: 0, promptTokens: 10, outputTokens: 5 },
          { time: 1, promptTokens: 10, outputTokens: 5 },
        ],
      },
      'a trace of 2 arrivals',
    ],
  ] as const)('%j → %s', (traffic, text) => {
    expect(describeTraffic(traffic as unknown as ServingConfig['traffic'])).toBe(text)
  })
})
