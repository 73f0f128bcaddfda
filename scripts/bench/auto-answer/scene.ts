import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from '../../../tests/helpers/freePort'
import { Issuer, Lender, mortgageTerms, samplePerson } from '../../companies'
import { Completions } from './completions'
import { credoHolder } from './credoHolder'
import { custosHolder } from './custosHolder'
import { definitionFor, type Format } from './formats'
import type { BenchHolder } from './holder'

export type HolderKind = 'custos' | 'credo'

/** A lender connected to the holder, asking the format's request and timing it to a verified presentation. */
export interface Asker {
  /** Milliseconds from sending the request to holding the verified presentation; throws if refused or lost. */
  ask(): Promise<number>
}

export interface Scene {
  addLender(name: string): Promise<Asker>
  stop(): Promise<void>
}

/**
 * The sample registry and employer, a holder with the person's credentials in `format`, and lenders
 * added on demand: every agent a real Credo agent on its own Askar store, HTTP on 127.0.0.1.
 */
export async function startScene(kind: HolderKind, format: Format): Promise<Scene> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `custos-bench-answer-${kind}-`))
  const company = async (name: string) => ({ name, dataDir: path.join(dir, name), port: await freePort() })
  const [registry, employer] = await Promise.all([
    company('Population Registry').then(Issuer.start),
    company('Employer').then(Issuer.start),
  ])
  const start = kind === 'custos' ? custosHolder : credoHolder
  const holder: BenchHolder = await start(dir, format, { registry, employer }, samplePerson(7))
  const lenders: Lender[] = []
  const definition = definitionFor(format)
  return {
    async addLender(name) {
      const lender = await Lender.start(await company(name))
      lenders.push(lender)
      const completions = new Completions(lender.agent)
      const connectionId = await holder.admit(lender)
      return {
        async ask() {
          const sent = performance.now()
          const id = await lender.ask(connectionId, definition, mortgageTerms)
          const end = await completions.of(id)
          if (!end.verified) throw new Error(`request ${id} was not answered with a verified presentation`)
          return end.at - sent
        },
      }
    },
    async stop() {
      await holder.stop().catch(() => undefined)
      await Promise.all([registry, employer, ...lenders].map((agent) => agent.stop().catch(() => undefined)))
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
