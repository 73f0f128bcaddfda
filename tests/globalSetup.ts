import { chromiumExecutable } from './helpers/browser/chromium'

// Unpacked once before the test files run side by side, so no two of them unpack it at once.
export default async function setup(): Promise<void> {
  await chromiumExecutable()
}
