// Writes resources/trust-lists/demo.json, the signed demo trust list: `node --import tsx scripts/trustLists/makeDemoTrustList.ts`.
// Deterministic (fixed seeds and date), so running it again gives the same file.
import fs from 'node:fs'
import path from 'node:path'

import { demoTrustList } from './demoTrustList'

const out = path.join(import.meta.dirname, '..', '..', 'resources', 'trust-lists', 'demo.json')
fs.mkdirSync(path.dirname(out), { recursive: true })
fs.writeFileSync(out, `${JSON.stringify(demoTrustList(), null, 2)}\n`)
console.info(`wrote ${path.relative(process.cwd(), out)}`)
