import fs from 'node:fs'
import path from 'node:path'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchChromium } from '../helpers/browser/chromium'
import { checkScreen } from '../helpers/browser/screens'
import { serveUi, type ServedUi } from '../helpers/browser/serveUi'
import { makeTmpDir } from '../helpers/tmpDir'
import { openScreen } from './steps/myData'

const INDEX = path.resolve(import.meta.dirname, '../../out/renderer/index.html')
const PASSPHRASE = 'Quiet Harbour 42 lanterns!'
const BACKUP_PASSPHRASE = 'a separate backup passphrase'

// The web mode's file picker: a backup leaves one `serve --ui` node as a download in the browser and
// comes back into another, on a fresh data folder, as an upload. No path is typed anywhere.
describe('web UI: backup by download, restore by upload (real nodes, real browser)', () => {
  const tmp = makeTmpDir('custos-e2e-backup-')
  const backupFile = path.join(tmp.dir, 'downloaded.custos-backup')
  const served: ServedUi[] = []
  let browser: Browser

  beforeAll(async () => {
    if (!fs.existsSync(INDEX)) throw new Error(`${INDEX} is missing: run \`npm run build\` first.`)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    for (const one of served) await one.stop()
    tmp.cleanup()
  })

  it('downloads a backup from Settings', async () => {
    const source = await serveUi(path.join(tmp.dir, 'old'), ['--label', 'Old laptop'])
    served.push(source)
    const page = await browser.newPage()
    await page.goto(source.url)
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByLabel('Type the passphrase again').fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Create store' }).click()
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor()
    await openScreen(page, 'Settings')
    const backup = page.getByRole('region', { name: 'Backup' })
    await expect.poll(() => backup.getByLabel('Backup file').count()).toBe(0)
    await backup.getByLabel('Backup passphrase', { exact: true }).fill(BACKUP_PASSPHRASE)
    await backup.getByLabel('Type the backup passphrase again').fill(BACKUP_PASSPHRASE)
    const download = page.waitForEvent('download')
    await backup.getByRole('button', { name: 'Write backup' }).click()
    await (await download).saveAs(backupFile)
    await page.getByTestId('backup-done').waitFor()
    await checkScreen(page, 'backup-web-1-downloaded')
    expect(fs.statSync(backupFile).size).toBeGreaterThan(0)
  })

  it('restores it on a new node by uploading the file', async () => {
    const fresh = await serveUi(path.join(tmp.dir, 'new'))
    served.push(fresh)
    const page = await browser.newPage()
    await page.goto(fresh.url)
    const restore = page.getByRole('region', { name: 'Restore from a backup' })
    await restore.getByLabel('Backup file').setInputFiles(backupFile)
    await restore.getByText('“downloaded.custos-backup” is ready to be read.').waitFor()
    await restore.getByRole('button', { name: 'Read backup' }).click()
    await page.getByTestId('backup-manifest').getByText('Backup of “Old laptop”', { exact: false }).waitFor()
    await checkScreen(page, 'backup-web-2-uploaded')
    await restore.getByLabel('Backup passphrase').fill(BACKUP_PASSPHRASE)
    await restore.getByLabel('Passphrase for this device').fill(PASSPHRASE)
    await restore.getByRole('button', { name: 'Restore' }).click()
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor()
    // The upload did its work and was deleted: nothing of it is left in the new data folder.
    const leftovers = fs.readdirSync(path.join(tmp.dir, 'new', 'tmp')).filter((name) => name.endsWith('.custos-backup'))
    expect(leftovers).toEqual([])
  })
})
