import fs from 'node:fs'
import type { Server } from 'node:http'
import path from 'node:path'

import { AskarModule } from '@credo-ts/askar'
import { Agent, DidKey, DidsApi, Kms, type KeyDidCreateOptions, type ModulesMap } from '@credo-ts/core'
import express from 'express'

import { nodeDependencies } from '../../electron/node/agent/nodeDependencies'
import { askar } from '../../electron/node/askar'

export interface OpenId4VcCompanyOptions {
  name: string
  dataDir: string
  port: number
}

/**
 * A company that speaks OpenID4VCI or OpenID4VP: a plain Credo 0.6.3 agent with only Credo's own
 * OpenID4VC module, on its own Askar store, serving HTTP on 127.0.0.1 (http allowed there only).
 */
export async function startOpenId4VcAgent<M extends ModulesMap[string]>(
  options: OpenId4VcCompanyOptions,
  openid4vcModule: (app: express.Express, baseUrl: string) => M,
) {
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
  const app = express()
  const baseUrl = `http://127.0.0.1:${options.port}`
  const agent = new Agent({
    config: { allowInsecureHttpUrls: true },
    dependencies: nodeDependencies(options.dataDir),
    modules: {
      askar: new AskarModule({
        askar,
        store: {
          id: options.name,
          // Sample companies hold sample data; a fixed key with the quick KDF keeps the demo fast.
          key: `${options.name} sample company`,
          keyDerivationMethod: 'kdf:argon2i:int',
          database: { type: 'sqlite', config: { path: path.join(options.dataDir, 'askar.sqlite') } },
        },
      }),
      openid4vc: openid4vcModule(app, baseUrl),
    },
  })
  await agent.initialize()
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(options.port, '127.0.0.1', () => resolve(listening))
  })
  return {
    agent,
    app,
    baseUrl,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await agent.shutdown()
    },
  }
}

/** The company's did:key (Ed25519, in its store) and the key id it signs with, made once per store. */
export async function companyDidKey(agent: Agent) {
  const dids = agent.context.resolve(DidsApi)
  const [existing] = await dids.getCreatedDids({ method: 'key' })
  const did =
    existing?.did ??
    (
      await dids.create<KeyDidCreateOptions>({
        method: 'key',
        options: {
          keyId: (await agent.context.resolve(Kms.KeyManagementApi).createKey({ type: { kty: 'OKP', crv: 'Ed25519' } }))
            .keyId,
        },
      })
    ).didState.did!
  return { did, kid: `${did}#${DidKey.fromDid(did).publicJwk.fingerprint}` }
}
