// `npm run bench`: each benchmark runs in its own process so memory figures do not mix.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const benches = ['vault-unlock.ts', 'askar-stress.ts', 'mediation-queue.ts', 'mediation-drain.ts']
const extra = process.argv.slice(2)
let failed = 0
for (const bench of benches) {
  console.log(`# ${bench}`)
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(here, bench), ...extra], {
    stdio: 'inherit',
  })
  if (run.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
