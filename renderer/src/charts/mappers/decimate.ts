/** A point of a line chart: numeric x and y. */
export interface XyPoint {
  x: number
  y: number
}

/**
 * The most points a line dataset hands to Chart.js. A canvas a few hundred pixels wide cannot
 * show more; beyond this a chart with 100,000 points would redraw slowly on every resize.
 */
export const MAX_LINE_POINTS = 1000

/**
 * Largest-Triangle-Three-Buckets (Steinarsson, 2013): keeps the first and last point and, from
 * each of `threshold − 2` buckets between, the point making the largest triangle with the point
 * kept before it and the next bucket's mean. Returns at most `threshold` points (all of them
 * when there are no more); `project` maps x first (`Math.log10` for a log axis).
 */
export function decimateLttb<P extends XyPoint>(
  points: readonly P[],
  threshold = MAX_LINE_POINTS,
  project: (x: number) => number = (x) => x,
): P[] {
  const count = points.length
  const limit = Math.max(2, Math.floor(threshold))
  if (count <= limit) return points.slice()
  if (limit === 2) return [points[0]!, points[count - 1]!]
  const xs = points.map((point) => project(point.x))
  const bucket = (count - 2) / (limit - 2)
  const kept: P[] = [points[0]!]
  let previous = 0
  for (let i = 0; i < limit - 2; i++) {
    const nextStart = Math.floor((i + 1) * bucket) + 1
    const nextEnd = Math.min(Math.floor((i + 2) * bucket) + 1, count)
    let meanX = 0
    let meanY = 0
    for (let j = nextStart; j < nextEnd; j++) {
      meanX += xs[j]!
      meanY += points[j]!.y
    }
    const span = Math.max(1, nextEnd - nextStart)
    meanX /= span
    meanY /= span
    let best = Math.floor(i * bucket) + 1
    let bestArea = -1
    for (let j = best; j < Math.floor((i + 1) * bucket) + 1; j++) {
      const area = Math.abs(
        (xs[previous]! - meanX) * (points[j]!.y - points[previous]!.y) -
          (xs[previous]! - xs[j]!) * (meanY - points[previous]!.y),
      )
      if (area > bestArea) {
        bestArea = area
        best = j
      }
    }
    kept.push(points[best]!)
    previous = best
  }
  kept.push(points[count - 1]!)
  return kept
}
