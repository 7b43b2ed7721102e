/** Sweeps over a grid of scenario fields: values, expansion, shards, point metrics, crossovers. */
export { parseAxisValues, AxisValueError, MAX_AXIS_VALUES, type AxisValue, type AxisValueOptions } from './axisValues'
export {
  gridSize,
  pointValues,
  pointScenario,
  validateGrid,
  isIntegerField,
  setPath,
  GridError,
  MAX_GRID_POINTS,
  type GridAxis,
} from './expand'
export { parseShard, shardIndices, ShardError, type Shard } from './shard'
export { pointMetrics, combineSeeds, spreadsOver, spreadOf, type PointMetrics, type PointSpreads } from './pointMetrics'
export { evaluatePoint, evaluateSeeds, type PointOutcome } from './evaluate'
export { findCrossovers, type Crossover, type CrossoverPoint } from './crossovers'
export { sensitivityFigures, focusScenario, figureAxis, type SensitivityFigure } from './sensitivity'
export { sweepHash } from './hash'
