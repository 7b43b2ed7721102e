import type { z } from 'zod'
import type { Issue } from './channels'

/** The issues of a zod error, each path under `prefix` (where the validated value sits in a larger input). */
export function issuesOf(error: z.ZodError, prefix: (string | number)[] = []): Issue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))],
    message: issue.message,
  }))
}

/**
 * One line naming every offending field by its path, e.g.
 * `workload.batch: Too small: expected number to be >=1`. `name` may rename a path (the CLI names
 * its flags).
 */
export function formatIssues(issues: readonly Issue[], name: (path: Issue['path']) => string = dotted): string {
  return issues.map((issue) => `${name(issue.path) || '(root)'}: ${issue.message}`).join('; ')
}

export function dotted(path: Issue['path']): string {
  return path.map(String).join('.')
}

/** `formatIssues` of a zod error, its paths under `prefix` (a dotted string, as the CLI's file names are not). */
export function describeIssues(error: z.ZodError, prefix = ''): string {
  return formatIssues(issuesOf(error), (path) => [prefix, dotted(path)].filter((part) => part !== '').join('.'))
}
