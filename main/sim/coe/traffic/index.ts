export { createLengthSampler, type LengthDistribution } from './lengths'
export { createArrivalClock, type ArrivalClock, type ArrivalProcess } from './arrivals'
export { createRouter, rankByPopularity, type Router, type Routing } from './routing'
