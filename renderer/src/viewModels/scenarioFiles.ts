import type { ScenarioDto, ScenarioInput } from '../../../contract/api'

/**
 * Scenario files: what an export writes (the scenario itself, as `memwall run` reads it) and
 * what an import accepts. Only the JSON's shape is checked here; the API validates the scenario
 * when the import saves it, and its error names the field.
 */

/** `My chatbot: H100 vs SN40L` → `my-chatbot-h100-vs-sn40l.scenario.json`. */
export function scenarioFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
  return `${slug || 'scenario'}.scenario.json`
}

/** The file's content: the scenario alone, so the CLI can run it too. */
export function scenarioFileContent(item: ScenarioDto): ScenarioInput {
  return JSON.parse(JSON.stringify(item.scenario)) as ScenarioInput
}

export type ParsedScenarioFile = { ok: true; scenario: ScenarioInput } | { ok: false; message: string }

/** A scenario from a file's text: a bare scenario, or a saved one (`{ scenario: … }`) as some tools write. */
export function parseScenarioFile(fileName: string, text: string): ParsedScenarioFile {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (failure) {
    const reason = failure instanceof Error ? failure.message : String(failure)
    return { ok: false, message: `${fileName} is not valid JSON: ${reason}` }
  }
  if (isObject(value) && isObject(value.scenario) && !('workload' in value)) value = value.scenario
  if (!isObject(value) || !('workload' in value || 'systems' in value)) {
    return {
      ok: false,
      message: `${fileName} is not a scenario: expected a JSON object with name, systems and workload.`,
    }
  }
  return { ok: true, scenario: value as unknown as ScenarioInput }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Whether a dropped or chosen file looks like JSON by its name or type. */
export function isJsonFile(file: { name: string; type: string }): boolean {
  return file.type === 'application/json' || file.name.toLowerCase().endsWith('.json')
}
