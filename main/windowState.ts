import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'

/** The window's size and place when it last closed, kept in the user-data folder. */
export const WindowStateSchema = z.object({
  width: z.int().min(400).max(20_000),
  height: z.int().min(300).max(20_000),
  x: z.int().optional(),
  y: z.int().optional(),
  maximized: z.boolean().default(false),
})
export type WindowState = z.output<typeof WindowStateSchema>

/**
 * The saved state, or null when there is none or it does not validate (a hand-edited or damaged
 * file costs the user a window size, nothing more, and is overwritten at the next close).
 */
export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** Writes through a temporary file and a rename, so a crash mid-write leaves the old state whole. */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true })
  const temporary = `${file}.tmp`
  writeFileSync(temporary, JSON.stringify(WindowStateSchema.parse(state)))
  renameSync(temporary, file)
}
