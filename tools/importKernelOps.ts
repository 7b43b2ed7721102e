// Reduces the per-operator kernel profiles of ../shared/reference/validation/kernels/ (Microsoft
// Vidur, MIT licence) to what `memwall validate --kernels` checks the kernel model against:
// `npx tsx tools/importKernelOps.ts` writes resources/validation/kernels/ops.json.
// Kept: per GPU, model and TP degree, the profiled token counts nearest decode batches 1–32 and
// prefills of 128–4096 tokens, every operator's median; and every row of the partial attention
// profile. Some shapes were profiled twice: the median of the two medians is kept.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'
import { MODEL_PRESETS } from '../main/sim/models/presets'

const SOURCE_DIR = fileURLToPath(new URL('../../shared/reference/validation/kernels/', import.meta.url))
const TARGET = fileURLToPath(new URL('../resources/validation/kernels/ops.json', import.meta.url))
const SYSTEMS = { a100: 'dgx-a100', h100: 'dgx-h100' } as const
/**
 * Vidur's model names to presets of the same layer shapes. Llama 3 8B/70B have Llama 3.1's shapes
 * (3.1 changed only RoPE scaling and context). Vidur pads Llama 2's vocabulary to 32768 (the preset:
 * 32000); no per-layer operator reads the vocabulary, so only the layer shapes must match.
 */
const MODELS: Record<string, keyof typeof MODEL_PRESETS> = {
  'Llama-2-7b-hf': 'llama2-7b',
  'Llama-2-70b-hf': 'llama2-70b',
  'Meta-Llama-3-8B': 'llama3.1-8b',
  'Meta-Llama-3-70B': 'llama3.1-70b',
}
const PHASES = {
  decode: [1, 2, 4, 8, 16, 32],
  prefill: [128, 256, 512, 1024, 2048, 4096],
} as const
const OPS = [
  'emb',
  'input_layernorm',
  'attn_pre_proj',
  'attn_rope',
  'attn_post_proj',
  'post_attention_layernorm',
  'mlp_up_proj',
  'mlp_act',
  'mlp_down_proj',
  'add',
] as const

type Csv = Record<string, string>[]

/** Milliseconds to seconds, without the float noise of the division. */
const seconds = (ms: number): number => Number((ms / 1000).toPrecision(6))

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const nearest = (values: readonly number[], target: number): number =>
  values.reduce((best, value) =>
    Math.abs(Math.log(value / target)) < Math.abs(Math.log(best / target)) ? value : best,
  )

/** Why a profile's shape is not its preset's, or null when it is. */
function shapeMismatch(record: Record<string, string>, preset: keyof typeof MODEL_PRESETS): string | null {
  const model = MODEL_PRESETS[preset]
  const expected = {
    n_head: model.heads.value,
    n_kv_head: model.kvHeads.value,
    n_embd: model.hidden.value,
    n_expanded_embd: model.ffn.value,
    use_gated_mlp: model.mlp === 'gated' ? 'True' : 'False',
  }
  const wrong = Object.entries(expected).filter(([key, value]) => record[key] !== String(value))
  return wrong.length === 0 ? null : wrong.map(([key, value]) => `${key} ${record[key]} ≠ ${value}`).join(', ')
}

function opRows(gpu: keyof typeof SYSTEMS, name: string, records: Csv, skipped: string[]) {
  const model = MODELS[name]
  const mismatch = model === undefined ? 'no preset' : shapeMismatch(records[0]!, model)
  if (model === undefined || mismatch !== null) {
    skipped.push(`${gpu}-${name}: ${mismatch}`)
    return []
  }
  const tps = [...new Set(records.map((r) => Number(r.num_tensor_parallel_workers)))].sort((a, b) => a - b)
  return tps.flatMap((tp) => {
    const atTp = records.filter((r) => Number(r.num_tensor_parallel_workers) === tp)
    const profiled = [...new Set(atTp.map((r) => Number(r.num_tokens)))]
    return Object.entries(PHASES).flatMap(([phase, targets]) =>
      [...new Set(targets.map((target) => nearest(profiled, target)))].flatMap((tokens) => {
        const same = atTp.filter((r) => Number(r.num_tokens) === tokens)
        return OPS.map((op) => ({
          system: SYSTEMS[gpu],
          model,
          tp,
          phase,
          tokens,
          op,
          seconds: seconds(median(same.map((r) => Number(r[`time_stats.${op}.median`])))),
        }))
      }),
    )
  })
}

/** The partial attention profile: its header is a comment line (`# columns: …`) after the source line. */
function attentionRows(text: string) {
  const lines = text.split('\n')
  const columns = lines
    .find((line) => line.startsWith('# columns:'))!
    .slice('# columns:'.length)
    .trim()
    .split(',')
  const records = parse(text, { columns, comment: '#', skip_empty_lines: true }) as Csv
  return records.map((r) => {
    const prefill = r.is_prefill === 'True'
    return {
      system: SYSTEMS[r.gpu as keyof typeof SYSTEMS],
      model: MODELS[r.model!]!,
      tp: Number(r.tp),
      phase: prefill ? 'prefill' : 'decode',
      batch: Number(r.batch_size),
      // New tokens per sequence: the prefill chunk, or 1 in decode; then the tokens already cached.
      newTokens: prefill ? Number(r.prefill_chunk_size) : 1,
      pastTokens: Number(r.kv_cache_size),
      seconds: seconds(Number(prefill ? r.attn_prefill_median_ms : r.attn_decode_median_ms)),
    }
  })
}

/** The file tools/importKernelOps.ts writes, from the shared profiles. */
export function kernelOpsFile(): { file: unknown; skipped: string[] } {
  const skipped: string[] = []
  const rows = (Object.keys(SYSTEMS) as (keyof typeof SYSTEMS)[]).flatMap((gpu) =>
    Object.keys(MODELS).flatMap((name) => {
      let text: string
      try {
        text = readFileSync(`${SOURCE_DIR}${gpu}-${name}-ops.csv`, 'utf8')
      } catch {
        return [] // not profiled on this GPU (H100 has Llama 2 only)
      }
      return opRows(gpu, name, parse(text, { columns: true }) as Csv, skipped)
    }),
  )
  const attention = attentionRows(readFileSync(`${SOURCE_DIR}a100-Llama-2-7b-hf-attention-partial.csv`, 'utf8'))
  const file = {
    format: 'memwall-kernel-ops',
    version: 1,
    source:
      'Microsoft Vidur profiles (github.com/microsoft/vidur, data/profiling/, snapshot 2024-11-19; MIT licence): per-operator kernel times (PyTorch/vLLM kernels, 16-bit) on A100 80GB and H100 80GB; attention rows for A100 Llama-2-7B transcribed from the same profile in a fork (sw5sh/cs378-assignment3 @7ac2fe9f); reduced by tools/importKernelOps.ts',
    rows,
    attention,
  }
  return { file, skipped }
}

/** One row a line: the file stays readable in a diff at a third of the size of one field a line. */
export function kernelOpsText(file: unknown): string {
  const { rows, attention, ...head } = file as { rows: unknown[]; attention: unknown[] }
  const list = (items: unknown[]) => `[\n${items.map((item) => `  ${JSON.stringify(item)}`).join(',\n')}\n ]`
  const header = JSON.stringify(head, null, 1).slice(0, -2)
  return `${header},\n "rows": ${list(rows)},\n "attention": ${list(attention)}\n}\n`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { file, skipped } = kernelOpsFile()
  writeFileSync(TARGET, kernelOpsText(file))
  for (const line of skipped) console.log(`skipped ${line}`)
  const { rows, attention } = file as { rows: unknown[]; attention: unknown[] }
  console.log(`wrote ${rows.length} operator and ${attention.length} attention measurements to ${TARGET}`)
}
