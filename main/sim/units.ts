/** Decimal units, as datasheets quote them (1 GB = 1e9 bytes, 1 TB/s = 1e12 bytes/s). */
export const MB = 1e6
export const GB = 1e9
export const TB = 1e12
export const TERA = 1e12

/** Bytes of one element at each supported precision. */
export const BYTES_PER_ELEMENT = { bf16: 2 } as const
export type Precision = keyof typeof BYTES_PER_ELEMENT
