/**
 * The core's registries, the one door the contract (contract/api.ts) re-exports them through: the
 * form, the sweep choices, the CLI and the views are generated from the same tables the model
 * reads. Each is an `as const` table keyed by id (singular name) with its ids in order (plural).
 */
export {
  OVERRIDABLE_FIGURE,
  OVERRIDABLE_FIGURES,
  type OverridableFigure,
  type OverridableFigureKey,
  type FigureContext,
  type FigureUnit,
} from './hardware/overridableFigures'
export { HOST_LINK_MODEL, HOST_LINK_MODELS, type HostLinkModel, type HostLinkModelEntry } from './hardware/hostLinks'
export {
  EXECUTION_MODE,
  EXECUTION_MODES,
  modesFor,
  bestModeFor,
  type ExecutionMode,
  type ExecutionModeEntry,
} from './perf/modes'
export {
  CACHE_POLICY,
  CACHE_POLICIES,
  type CachePolicyName,
  type CachePolicyEntry,
} from './coe/policies/cache/registry'
export { LIMITS, type Limit } from './limits'
export { PRECISION, PRECISIONS, supportedPrecisions, type Precision, type PrecisionEntry } from './precision'
// The metric registry and how each metric is read from a result (main/sim/metrics).
export * from './metrics'
// The software stacks a system may run (main/sim/stacks), and what a measurement row may report.
export { STACK_PROFILE, STACK_IDS, stacksFor, isStackId, type StackId } from './stacks/registry'
export { applyStack } from './stacks/apply'
export { SILICON_FAMILIES, STACK_FIGURES, type SiliconFamily, type StackProfile } from './stacks/schema'
export {
  VALIDATION_METRIC,
  VALIDATION_METRIC_IDS,
  type ValidationMetric,
  type ValidationMetricId,
} from './validation/metrics'
