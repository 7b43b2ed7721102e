import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { runCli } from '../../../main/cli/runCli'

export interface CliOutcome {
  code: number | null
  stdout: string
  stderr: string
}

const root = fileURLToPath(new URL('../../../', import.meta.url))

/**
 * `memwall …` run in this process, exactly as main/cli.ts runs it (same exit codes, same lines),
 * with MEMWALL_DB pointing at `dbPath` meanwhile: no cold process start per call.
 */
export async function memwallInProcess(dbPath: string, args: string[]): Promise<CliOutcome> {
  const stdout: string[] = []
  const stderr: string[] = []
  const saved = process.env.MEMWALL_DB
  process.env.MEMWALL_DB = dbPath
  try {
    const code = await runCli(args, {
      out: (text) => stdout.push(`${text}\n`),
      err: (text) => stderr.push(`${text}\n`),
    })
    return { code, stdout: stdout.join(''), stderr: stderr.join('') }
  } finally {
    if (saved === undefined) delete process.env.MEMWALL_DB
    else process.env.MEMWALL_DB = saved
  }
}

/** `memwall …` as a real process, from the TypeScript entry through tsx: the smoke test's way. */
export function memwallProcess(dbPath: string, args: string[]): CliOutcome {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, MEMWALL_DB: dbPath },
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}
