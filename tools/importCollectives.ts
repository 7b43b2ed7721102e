// Reduces the NCCL all-reduce profiles of ../shared/reference/validation/kernels/ (Microsoft
// Vidur, MIT licence) to what `memwall validate --kernels` checks the collective model against:
// `npx tsx tools/importCollectives.ts` writes resources/validation/kernels/all-reduce.json.
// Kept: all-reduces within one node (devices_per_node = num_workers: a DGX's NVSwitch), at the
// profiled sizes nearest each power of two from 2 KiB to 64 MiB; each the median over ranks of
// the per-rank median time.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'

const SOURCE_DIR = fileURLToPath(new URL('../../shared/reference/validation/kernels/', import.meta.url))
const TARGET = fileURLToPath(new URL('../resources/validation/kernels/all-reduce.json', import.meta.url))
const SYSTEMS = { 'dgx-a100': 'a100_dgx-all_reduce.csv', 'dgx-h100': 'h100_dgx-all_reduce.csv' } as const

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const rows = Object.entries(SYSTEMS).flatMap(([system, file]) => {
  const records = parse(readFileSync(SOURCE_DIR + file, 'utf8'), { columns: true }) as Record<string, string>[]
  const byKey = new Map<string, number[]>()
  for (const record of records) {
    if (record.devices_per_node !== record.num_workers) continue
    const key = `${record.num_workers}/${record.size}`
    byKey.set(key, [...(byKey.get(key) ?? []), Number(record['time_stats.all_reduce.median']) / 1000])
  }
  const keys = [...byKey.keys()].map((key) => key.split('/').map(Number) as [number, number])
  return [...new Set(keys.map(([chips]) => chips))]
    .sort((a, b) => a - b)
    .flatMap((chips) => {
      const sizes = keys.filter(([c]) => c === chips).map(([, size]) => size)
      const nearest = (target: number): number =>
        sizes.reduce((best, size) =>
          Math.abs(Math.log(size / target)) < Math.abs(Math.log(best / target)) ? size : best,
        )
      // Two powers of two may share the nearest profiled size (2 KiB and 4 KiB: 2048): keep it once.
      const picked = [...new Set(Array.from({ length: 16 }, (_, k) => nearest(2048 * 2 ** k)))]
      return picked.map((bytes) => ({ system, chips, bytes, seconds: median(byKey.get(`${chips}/${bytes}`)!) }))
    })
})

writeFileSync(
  TARGET,
  `${JSON.stringify(
    {
      format: 'memwall-collectives',
      version: 1,
      source:
        'Microsoft Vidur profiles (github.com/microsoft/vidur, data/profiling/, snapshot 2024-11-19; MIT licence): NCCL all-reduce on a DGX A100 and a DGX H100, within one node; reduced by tools/importCollectives.ts',
      rows,
    },
    null,
    1,
  )}\n`,
)
console.log(`wrote ${rows.length} all-reduce measurements to ${TARGET}`)
