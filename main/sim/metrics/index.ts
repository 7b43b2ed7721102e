/** The metric registry (pure data) and how each metric is read from a result. */
export * from './registry'
export { readMetric, readMetrics } from './readers'
