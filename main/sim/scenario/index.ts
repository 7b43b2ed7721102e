export * from './schema'
export { scenarioHash } from './hash'
