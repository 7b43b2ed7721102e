import type { z } from 'zod'

/**
 * One line naming every offending field by its path, e.g.
 * `workload.batch: Too small: expected number to be >=1`.
 */
export function describeIssues(error: z.ZodError, prefix = ''): string {
  return error.issues
    .map((issue) => {
      const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.')
      return `${path || '(root)'}: ${issue.message}`
    })
    .join('; ')
}
