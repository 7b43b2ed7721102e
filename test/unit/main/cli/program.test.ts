import { describe, expect, it } from 'vitest'
import { main } from '../../../../main/cli/program'
import { UsageError } from '../../../../main/cli/usageError'

const io = { out: () => {}, err: () => {} }

describe('memwall --label', () => {
  // The file does not exist: a label refused at parse time is refused before it is read.
  const missing = 'no-such-scenario.json'

  it.each([
    ['run', ['run', missing]],
    ['sweep', ['sweep', missing, '--vary', 'workload.batch=1,2']],
  ])('refuses a label longer than the contract allows, before anything runs (%s)', async (_command, args) => {
    // It used to be accepted here and refused by the store, leaving a failed run (exit 1).
    const run = main([...args, '--label', 'x'.repeat(201)], io)
    await expect(run).rejects.toBeInstanceOf(UsageError)
    await expect(run).rejects.toThrow(/^--label: Too big: expected string to have <=200 characters$/)
  })

  it('lets a label of 200 characters through to the next check', async () => {
    await expect(main(['run', missing, '--label', 'x'.repeat(200)], io)).rejects.toThrow(
      `${missing}: cannot read the file (no such file)`,
    )
  })
})
