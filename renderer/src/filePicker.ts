import type { FilePurpose } from '../../shared/ipc'

type Files = { pick(purpose: FilePurpose): Promise<string | undefined> }

// Present in the desktop app (preload's custosFiles); the web mode has no OS dialog and keeps a path field.
const files = (): Files | undefined => (window as unknown as { custosFiles?: Files }).custosFiles

export const canPickFiles = (): boolean => files() !== undefined

export function pickFile(purpose: FilePurpose): Promise<string | undefined> {
  return files()?.pick(purpose) ?? Promise.resolve(undefined)
}

/** The file's own name, for the screen: the folders it sits in are the person's business. */
export const fileName = (path: string): string => path.split(/[\\/]/).at(-1) ?? path
