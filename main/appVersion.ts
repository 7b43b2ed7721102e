/** The workbench's version, as package.json gives it (a test keeps the two equal); reports carry it. */
export const APP_VERSION = '0.1.0'
