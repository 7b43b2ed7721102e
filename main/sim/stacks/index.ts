export * from './schema'
export * from './registry'
export { applyStack, stackOf, stackRefusal, withStackFigures } from './apply'
