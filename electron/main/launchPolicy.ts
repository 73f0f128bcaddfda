// What an installed app must not take from its environment. A packaged build runs on a person's
// machine, where anyone who can set an environment variable for the app (a shell profile, a launcher,
// another program) could otherwise point the window at their own page or load their own native code.

/** Set by electron-vite's dev command; the dev server's page then replaces the built renderer. */
export const DEV_SERVER_ENV = 'ELECTRON_RENDERER_URL'
/** Read by the node (electron/node/askar/locate.ts): a path to the Askar library that overrides the shipped one. */
export const ASKAR_LIB_ENV = 'CUSTOS_ASKAR_LIB'

/** The dev server to load instead of app://, honoured only in an unpackaged build. */
export function devServerUrl(packaged: boolean, env: NodeJS.ProcessEnv): string | undefined {
  return packaged ? undefined : env[DEV_SERVER_ENV] || undefined
}

/**
 * Removes the development-only overrides from the environment of a packaged app, so no code that runs
 * later (the node, or anything it starts) can read them.
 */
export function scrubPackagedEnv(packaged: boolean, env: NodeJS.ProcessEnv): void {
  if (!packaged) return
  delete env[ASKAR_LIB_ENV]
  delete env[DEV_SERVER_ENV]
}
