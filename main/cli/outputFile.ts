import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { UsageError } from './usageError'

/**
 * Writes a command's output file whole or not at all (a temporary file, then a rename), and
 * never over the database the command has open: `--out memwall.db` would destroy every run.
 */
export function writeOutputFile(out: string, body: string | Buffer, dbPath: string): void {
  const target = resolve(out)
  const database = resolve(dbPath)
  if ([database, `${database}-wal`, `${database}-shm`].includes(target)) {
    throw new UsageError(`--out: ${out} is the workbench database; choose another file`)
  }
  const temporary = `${target}.tmp-${process.pid}`
  try {
    writeFileSync(temporary, body)
    renameSync(temporary, target)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw new UsageError(`--out: cannot write ${out} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`)
  }
}
