/** Machines a system needs to hold a number of experts [P Fig. 13]: one point of a footprint curve. */
export interface FootprintPoint {
  experts: number
  /** Null where one machine cannot hold a single expert. */
  nodes: number | null
}

export interface FootprintCurve {
  systemId: string
  systemName: string
  points: FootprintPoint[]
}

export const FOOTPRINT_HOW =
  'nodes = ⌈experts ÷ experts per node⌉; a GPU node holds experts in HBM, an SN40L node in DDR (docs/MODEL.md §6)'

export const NO_FOOTPRINT_REASON =
  'this run has no serving simulation, so no expert count to size machines for (the paper check draws whole curves: memwall paper; docs/MODEL.md §6)'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

function pointsOf(value: unknown): FootprintPoint[] | null {
  const list = Array.isArray(value) ? value : isObject(value) ? value.points : null
  if (!Array.isArray(list) || list.length === 0) return null
  const points = list.filter(
    (point): point is FootprintPoint =>
      isObject(point) && typeof point.experts === 'number' && (typeof point.nodes === 'number' || point.nodes === null),
  )
  return points.length === list.length ? points.map(({ experts, nodes }) => ({ experts, nodes })) : null
}

/**
 * The footprint a result carries: each serving system's machines for the scenario's experts
 * (`serving[].machinesForExperts`, simulator 0.3.0 on) as a one-point curve, or whole curves where
 * a result has them (`result.footprint` as `[{ systemId, systemName, points }]`, or a `footprint`
 * on each system). Nothing is estimated where the result has none.
 */
export function footprintCurves(result: unknown): FootprintCurve[] {
  if (!isObject(result)) return []
  if (Array.isArray(result.footprint))
    return result.footprint.flatMap((curve) => {
      const points = isObject(curve) ? pointsOf(curve) : null
      if (!points || typeof curve.systemId !== 'string') return []
      const systemName = typeof curve.systemName === 'string' ? curve.systemName : curve.systemId
      return [{ systemId: curve.systemId, systemName, points }]
    })
  const experts =
    isObject(result.scenario) && isObject(result.scenario.serving) ? result.scenario.serving.experts : null
  const serving = Array.isArray(result.serving) ? (result.serving as unknown[]) : []
  const fromServing = serving.flatMap((system) => {
    if (!isObject(system) || typeof system.systemId !== 'string' || typeof experts !== 'number') return []
    const machines = system.machinesForExperts
    if (typeof machines !== 'number' && machines !== null) return []
    const systemName = typeof system.systemName === 'string' ? system.systemName : system.systemId
    return [{ systemId: system.systemId, systemName, points: [{ experts, nodes: machines }] }]
  })
  if (fromServing.length > 0) return fromServing
  const systems = Array.isArray(result.systems) ? (result.systems as unknown[]) : []
  return systems.flatMap((system) => {
    if (!isObject(system) || typeof system.systemId !== 'string') return []
    const points = pointsOf(system.footprint)
    if (!points) return []
    const systemName = typeof system.systemName === 'string' ? system.systemName : system.systemId
    return [{ systemId: system.systemId, systemName, points }]
  })
}

/** Nodes a curve needs for exactly this many experts; undefined when the curve has no such point. */
export function nodesFor(curve: FootprintCurve, experts: number): number | null | undefined {
  return curve.points.find((point) => point.experts === experts)?.nodes
}
