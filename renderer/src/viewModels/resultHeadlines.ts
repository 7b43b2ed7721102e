import type { RunResult } from '../../../contract/api'
import { FOOTPRINT_HOW, footprintCurves, NO_FOOTPRINT_REASON, nodesFor } from '../charts/mappers/footprint'
import { headlineBasis, headlineLatencies } from '../charts/mappers/headlineLatency'
import { SWITCH_TIME_HOW, switchTimes } from '../charts/mappers/switchTime'
import { formatCount, formatFactor, formatSeconds } from '../format/quantities'

export type HeadlineKind = 'speedup' | 'footprint' | 'switch'

/** One card at the top of a result: a factor, the sentence it stands in, and how it was computed. */
export interface HeadlineCard {
  key: string
  kind: HeadlineKind
  /** The factor with its unit: `3.70×`. */
  value: string
  text: string
  /** How the number was computed, with the figures it came from. */
  how: string
}

/** Why a kind of card is missing, or a system left out of one. */
export interface HeadlineNote {
  kind: HeadlineKind
  text: string
}

export interface Headlines {
  cards: HeadlineCard[]
  notes: HeadlineNote[]
}

interface Measured {
  systemId: string
  systemName: string
  value: number
}

/** Every pair of systems once, the smaller value first: `larger / smaller` is then at least 1. */
function pairs(measured: readonly Measured[]): [Measured, Measured][] {
  return measured.flatMap((a, i) =>
    measured.slice(i + 1).map((b): [Measured, Measured] => (b.value < a.value ? [b, a] : [a, b])),
  )
}

const known = <T extends { systemId: string; systemName: string }>(
  list: readonly (T & { value: number | null })[],
): Measured[] =>
  list.flatMap((item) =>
    item.value === null ? [] : [{ systemId: item.systemId, systemName: item.systemName, value: item.value }],
  )

function speedupHeadlines(result: RunResult): Headlines {
  const basis = headlineBasis(result)
  const latencies = headlineLatencies(result)
  const notes: HeadlineNote[] = latencies
    .filter((system) => system.seconds === null)
    .map((system) => ({ kind: 'speedup', text: `${system.systemName} has no ${basis.label}: ${system.reason}.` }))
  const measured = known(latencies.map((system) => ({ ...system, value: system.seconds })))
  if (measured.length < 2) notes.push({ kind: 'speedup', text: 'Speedup needs two systems with a latency.' })
  const cards = pairs(measured).map(([fast, slow]): HeadlineCard => {
    const factor = slow.value / fast.value
    return {
      key: `speedup-${fast.systemId}-${slow.systemId}`,
      kind: 'speedup',
      value: formatFactor(factor),
      text: `${fast.systemName} is ${formatFactor(factor)} faster than ${slow.systemName}`,
      how:
        `${slow.systemName} ${formatSeconds(slow.value)} ÷ ${fast.systemName} ${formatSeconds(fast.value)} ` +
        `of ${basis.label}: ${basis.how}`,
    }
  })
  return { cards, notes }
}

function switchHeadlines(result: RunResult): Headlines {
  if (!result.serving)
    return {
      cards: [],
      notes: [
        { kind: 'switch', text: 'No model-switch ratio: this run served no traffic, so no expert was switched.' },
      ],
    }
  const times = switchTimes(result)
  const notes: HeadlineNote[] = times
    .filter((system) => system.seconds === null)
    .map((system) => ({ kind: 'switch', text: `${system.systemName} has no switch time: ${system.reason}.` }))
  const cards = pairs(known(times.map((system) => ({ ...system, value: system.seconds })))).map(
    ([fast, slow]): HeadlineCard => ({
      key: `switch-${fast.systemId}-${slow.systemId}`,
      kind: 'switch',
      value: formatFactor(slow.value / fast.value),
      text: `${fast.systemName} switches a model ${formatFactor(slow.value / fast.value)} faster than ${slow.systemName}`,
      how:
        `${slow.systemName} ${formatSeconds(slow.value)} ÷ ${fast.systemName} ${formatSeconds(fast.value)} ` +
        `per switch: ${SWITCH_TIME_HOW}`,
    }),
  )
  return { cards, notes }
}

function footprintHeadlines(result: RunResult): Headlines {
  const curves = footprintCurves(result)
  const experts = result.scenario.serving?.experts
  if (curves.length === 0)
    return { cards: [], notes: [{ kind: 'footprint', text: `No footprint ratio: ${NO_FOOTPRINT_REASON}.` }] }
  if (experts === undefined)
    return {
      cards: [],
      notes: [{ kind: 'footprint', text: 'No footprint ratio: the scenario names no number of experts.' }],
    }
  const nodes = curves.map((curve) => ({ ...curve, value: nodesFor(curve, experts) ?? null }))
  const notes: HeadlineNote[] = nodes
    .filter((curve) => curve.value === null)
    .map((curve) => ({
      kind: 'footprint',
      text: `${curve.systemName} has no node count for ${formatCount(experts)} experts.`,
    }))
  const cards = pairs(known(nodes)).map(([few, many]): HeadlineCard => ({
    key: `footprint-${few.systemId}-${many.systemId}`,
    kind: 'footprint',
    value: formatFactor(many.value / few.value),
    text: `${few.systemName} needs ${formatFactor(many.value / few.value)} fewer nodes than ${many.systemName} for ${formatCount(experts)} experts`,
    how: `${many.systemName} ${formatCount(many.value)} nodes ÷ ${few.systemName} ${formatCount(few.value)} nodes: ${FOOTPRINT_HOW}`,
  }))
  return { cards, notes }
}

/**
 * The cards at the top of a result: the speedup of each system over each other system by the
 * run's headline latency, the footprint ratio where the result has footprint data, and the
 * model-switch time ratio where the run switched experts. Each missing card says why in `notes`.
 */
export function resultHeadlines(result: RunResult): Headlines {
  const parts = [speedupHeadlines(result), footprintHeadlines(result), switchHeadlines(result)]
  return { cards: parts.flatMap((part) => part.cards), notes: parts.flatMap((part) => part.notes) }
}
