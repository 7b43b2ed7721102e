/** Decimal units, as datasheets quote them (1 GB = 1e9 bytes, 1 TB/s = 1e12 bytes/s). */
export const MB = 1e6
export const GB = 1e9
export const TB = 1e12
export const TERA = 1e12

// Element sizes live in the precision registry; re-exported for the code that sizes tensors.
export { BYTES_PER_ELEMENT, type Precision } from './precision'
