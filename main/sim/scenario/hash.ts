import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { stringify } from 'safe-stable-stringify'
import type { Scenario } from './schema'

/**
 * SHA-256 of the scenario's canonical JSON (keys sorted), leaving out `name` and `description`:
 * two scenarios that differ only in their labels simulate the same thing and share a hash.
 */
export function scenarioHash(scenario: Scenario): string {
  const { name: _name, description: _description, ...configuration } = scenario
  return bytesToHex(sha256(utf8ToBytes(stringify(configuration) ?? '')))
}
