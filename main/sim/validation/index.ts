export * from './metrics'
export * from './schema'
export * from './report'
export { fitStacks, fitStack, fitTargets, type FitResult, type FitTarget } from './fit'
export { simulateRow, rowScenario, type RowOutcome } from './simulateRow'
export { shippedMeasurements, SHIPPED_MEASUREMENTS } from './shipped'
export { checkCollectives, CollectiveFileSchema, type CollectiveCheck, type CollectiveRowResult } from './collectives'
export {
  checkKernelOps,
  KernelOpFileSchema,
  type KernelOpCheck,
  type KernelOpRowResult,
  type KernelAttentionRowResult,
} from './kernelOps'
