import { ZodError } from 'zod'
import { INPUT_SCHEMAS, type ApiOutputs, type ApiParsedInput } from '../contract/api'
import { CHANNELS, type ApiMethod, type Envelope, type ErrorCode, type Issue } from '../contract/channels'
import { formatIssues, issuesOf } from '../contract/validation'
import type { Container } from './container'
import { failureOf } from './services/errors'

type Handlers = { [M in ApiMethod]: (input: ApiParsedInput<M>) => ApiOutputs[M] | Promise<ApiOutputs[M]> }

function handlers(container: Container): Handlers {
  return {
    presetsList: () => container.presets.list(),
    scenariosList: ({ limit }) => container.scenarios.list(limit),
    scenariosSave: ({ scenario, id }) => container.scenarios.save(scenario, id),
    scenariosDelete: ({ id }) => container.scenarios.delete(id),
    paperReport: ({ hostLinkModel }) => container.paper.report(hostLinkModel),
    validationRun: (request) => container.validation.run(request),
    runsStart: (input) => container.runs.start(input),
    runsCancel: ({ runId }) => container.runs.cancel(runId),
    runsList: (query) => container.runs.list(query),
    runsGet: ({ runId }) => container.runs.get(runId),
    runsUpdate: ({ runId, ...patch }) => container.runs.update(runId, patch),
    runsDelete: ({ runIds }) => container.runs.delete(runIds),
    runsRestore: ({ runIds }) => container.runs.restore(runIds),
    runsReplay: ({ runId, keep }) => container.replays.replay(runId, keep),
    runsExport: ({ runIds }) => container.bundles.export(runIds),
    runsImport: ({ bundle }) => container.bundles.import(bundle),
    tagsList: () => container.runs.tags(),
    reportsExport: async (request) => {
      const report = request.paper
        ? await container.paper.export(request)
        : request.validation
          ? await container.validation.export({ ...request, validation: request.validation })
          : await container.reports.comparison({ ...request, runIds: request.runIds! })
      return { fileName: report.fileName, mimeType: report.mimeType, base64: report.body.toString('base64') }
    },
    sweepsStart: (input) => container.sweeps.start(input),
    sweepsList: ({ limit }) => container.sweeps.list(limit),
    sweepsGet: ({ sweepId }) => container.sweeps.get(sweepId),
    sweepsCancel: ({ sweepId }) => container.sweeps.cancel(sweepId),
    sweepsResume: ({ sweepId }) => container.sweeps.resume(sweepId),
    sweepsDelete: ({ sweepId }) => container.sweeps.delete(sweepId),
    sensitivityRun: (input) => container.sweeps.sensitivity(input),
    sensitivityCancel: ({ requestId }) => container.sweeps.cancelSensitivity(requestId),
  }
}

const METHOD_BY_CHANNEL = new Map(
  Object.entries(CHANNELS).map(([method, channel]) => [channel as string, method as ApiMethod]),
)

export type Dispatch = (channel: string, input: unknown) => Promise<Envelope<unknown>>

function failure(code: ErrorCode, message: string, issues: Issue[] = []): Envelope<never> {
  return { ok: false, error: issues.length > 0 ? { code, message, issues } : { code, message } }
}

/**
 * The one entry both transports call: finds the handler for a wire channel, parses the input
 * with the contract's schema (a failure names the field path), and never throws.
 */
export function createDispatch(
  container: Container,
  onInternalError: (error: unknown) => void = console.error,
): Dispatch {
  const table = handlers(container)
  return async (channel, input) => {
    const method = METHOD_BY_CHANNEL.get(channel)
    if (!method) return failure('unknown_channel', `unknown channel "${channel}"`)
    try {
      // Inside the try: a schema that throws (a refinement's bug) must still answer an envelope.
      const parsed = INPUT_SCHEMAS[method].safeParse(input ?? {})
      if (!parsed.success) {
        const issues = issuesOf(parsed.error)
        return failure('invalid_input', formatIssues(issues), issues)
      }
      const handler = table[method] as (input: unknown) => unknown
      return { ok: true, value: await handler(parsed.data) }
    } catch (error) {
      const known = failureOf(error)
      if (known) {
        const message = error instanceof ZodError ? formatIssues(known.issues) : (error as Error).message
        return failure(known.code, message, known.issues)
      }
      onInternalError(error)
      return failure('internal', error instanceof Error ? error.message : String(error))
    }
  }
}
