/**
 * Bumped whenever a change to the model can change a result. Replaying a stored run compares
 * against this, so a result only reproduces under the same version.
 */
export const SIMULATOR_VERSION = '0.2.0'
