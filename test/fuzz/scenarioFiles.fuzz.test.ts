import fc from 'fast-check'
import Database from 'better-sqlite3'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../main/cli/runCli'
import { mutated, NASTY_VALUES, nudged } from './jsonMutations'
import { PROFILE, timeoutFor } from './profile'

// Generated scenario and trace files through the CLI, in process: each must run (exit 0) or be
// refused at the boundary (exit 2, one line naming the file), never fail at run time (exit 1)
// and never hang. A refusal must not write to the database.

const examples = fileURLToPath(new URL('../../resources/scenarios/', import.meta.url))
const EXAMPLES = readdirSync(examples)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => JSON.parse(readFileSync(join(examples, name), 'utf8')) as Record<string, unknown>)
const SERVING = EXAMPLES.find((example) => 'serving' in example)!

const dir = mkdtempSync(join(tmpdir(), 'memwall-fuzz-'))
const dbPath = join(dir, 'fuzz.db')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The longest a case may take: far above any real run of these files, so only a hang reaches it. */
const CASE_LIMIT_MS = 60_000

type Case = { kind: 'scenario'; text: string } | { kind: 'trace'; text: string; csv: boolean }

/** Text-level damage a file picks up on the way: a BOM, a cut, trailing bytes. */
const damage = fc.constantFrom(
  (text: string) => text,
  (text: string) => text,
  (text: string) => `\uFEFF${text}`,
  (text: string) => text.slice(0, Math.floor(text.length / 2)),
  (text: string) => `${text}\u0000`,
)

const scenarioCase: fc.Arbitrary<Case> = fc
  .tuple(fc.constantFrom(...EXAMPLES), damage, fc.boolean())
  .chain(([example, hurt, gentle]) =>
    (gentle ? nudged(example) : mutated(example)).map((json) => ({
      kind: 'scenario' as const,
      text: hurt(JSON.stringify(json) ?? ''),
    })),
  )

const cell = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 150 }).map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      ...NASTY_VALUES.filter((v) => typeof v !== 'object').map(String),
      '1e3',
      '-0',
      ' 5 ',
      '',
    ),
  },
)
const traceCase: fc.Arbitrary<Case> = fc
  .tuple(
    fc.array(fc.tuple(fc.double({ min: 0, max: 1e4, noNaN: true }), cell, cell, cell), { minLength: 1, maxLength: 30 }),
    fc.boolean(),
    damage,
  )
  .map(([rows, csv, hurt]) => {
    const sorted = [...rows].sort((a, b) => a[0] - b[0])
    const text = csv
      ? ['time,expert,promptTokens,outputTokens', ...sorted.map((row) => row.join(','))].join('\n')
      : sorted
          .map(
            ([time, expert, prompt, output]) =>
              `{"time":${time},"expert":${expert || 0},"promptTokens":${prompt || 0},"outputTokens":${output || 0}}`,
          )
          .join('\n')
    return { kind: 'trace' as const, text: hurt(text), csv }
  })

interface Outcome {
  code: number | 'hang'
  stderr: string[]
}

async function memwall(args: string[]): Promise<Outcome> {
  const stderr: string[] = []
  const io = { out: () => {}, err: (text: string) => stderr.push(...text.split('\n')) }
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), CASE_LIMIT_MS)))
  const code = await Promise.race([runCli(args, io), hang])
  clearTimeout(timer)
  return { code, stderr }
}

function dataVersion(): number | null {
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true })
    try {
      return db.pragma('user_version', { simple: true }) === 0
        ? null
        : (db.prepare('SELECT count(*) AS n, max(id) AS m FROM runs').get() as { n: number; m: number }).n
    } finally {
      db.close()
    }
  } catch {
    return null
  }
}

describe(`scenario and trace files through the CLI (${PROFILE.name} profile, seed ${PROFILE.seed})`, () => {
  it(
    'runs each generated file or refuses it with exit 2 and one line naming the file; never exit 1, never a hang',
    async () => {
      const cases = fc.sample(fc.oneof({ weight: 3, arbitrary: scenarioCase }, { weight: 1, arbitrary: traceCase }), {
        numRuns: PROFILE.scenarioFiles,
        seed: PROFILE.seed,
      })
      const servingFile = join(dir, 'serving.json')
      writeFileSync(
        servingFile,
        JSON.stringify({ ...SERVING, serving: { ...(SERVING.serving as object), requests: 2000 } }),
      )
      const findings: { file: string; text: string; outcome: Outcome }[] = []
      let ran = 0
      for (const [index, generated] of cases.entries()) {
        const file = join(
          dir,
          generated.kind === 'scenario' ? `s${index}.json` : `t${index}.${generated.csv ? 'csv' : 'jsonl'}`,
        )
        writeFileSync(file, generated.text)
        const args =
          generated.kind === 'scenario'
            ? ['run', file, '--db', dbPath, '--json']
            : ['run', servingFile, '--trace', file, '--db', dbPath, '--json']
        const before = dataVersion()
        const outcome = await memwall(args)
        const named = outcome.stderr.filter(Boolean)
        const refusedWell =
          outcome.code === 2 && named.length === 1 && named[0]!.includes(file) && dataVersion() === before
        if (outcome.code === 0) ran += 1
        else if (!refusedWell) findings.push({ file, text: generated.text.slice(0, 400), outcome })
      }
      console.log(`scenario files: ${ran} ran, ${cases.length - ran - findings.length} refused well`)
      expect(findings).toEqual([])
      // The generator must reach past the boundary too, or the run-time half was never tried.
      expect(ran).toBeGreaterThan(0)
    },
    timeoutFor(PROFILE.scenarioFiles, 3_000),
  )
})
