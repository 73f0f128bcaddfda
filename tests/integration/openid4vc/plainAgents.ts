import { EventEmitter } from 'node:events'
import fs from 'node:fs/promises'
import type { Server } from 'node:http'
import path from 'node:path'

import { AskarModule } from '@credo-ts/askar'
import {
  Agent,
  CredoError,
  DidKey,
  Kms,
  type AgentContext,
  type AgentDependencies,
  type DcqlQuery,
  type FileSystem,
  type KeyDidCreateOptions,
  type ModulesMap,
} from '@credo-ts/core'
import { OpenId4VcModule, type OpenId4VciCredentialRequestToCredentialMapper } from '@credo-ts/openid4vc'
import express from 'express'
import { WebSocket } from 'ws'

import { askar } from '../../../electron/node/askar'
import { freePort } from '../../helpers/freePort'

/** Credo's files under one folder; downloads nothing (the tests use no network beyond 127.0.0.1). */
class DirFileSystem implements FileSystem {
  constructor(
    readonly dataPath: string,
    readonly cachePath = dataPath,
    readonly tempPath = dataPath,
  ) {}
  exists = (file: string) =>
    fs.access(file).then(
      () => true,
      () => false,
    )
  createDirectory = async (file: string) => void (await fs.mkdir(path.dirname(file), { recursive: true }))
  copyFile = (from: string, to: string) => fs.copyFile(from, to)
  write = async (file: string, data: string) => {
    await fs.mkdir(path.dirname(file), { recursive: true })
    await fs.writeFile(file, data)
  }
  read = (file: string) => fs.readFile(file, 'utf8')
  delete = (file: string) => fs.rm(file, { recursive: true, force: true })
  downloadToFile = (url: string) => Promise.reject(new CredoError(`no downloads in tests (${url})`))
}

function dependencies(dir: string): AgentDependencies {
  return {
    FileSystem: class extends DirFileSystem {
      constructor() {
        super(dir)
      }
    },
    fetch,
    EventEmitterClass: EventEmitter,
    WebSocketClass: WebSocket as unknown as AgentDependencies['WebSocketClass'],
  }
}

/** A plain Credo 0.6.3 agent on its own Askar store (the node's koffi binding), HTTP URLs allowed for 127.0.0.1. */
export async function plainAgent<M extends ModulesMap>(dir: string, id: string, modules: M) {
  await fs.mkdir(dir, { recursive: true })
  const agent = new Agent({
    config: { allowInsecureHttpUrls: true },
    dependencies: dependencies(dir),
    modules: {
      askar: new AskarModule({
        askar,
        store: {
          id,
          key: 'plain credo 0.6.3 agent',
          keyDerivationMethod: 'kdf:argon2i:int',
          database: { type: 'sqlite', config: { path: path.join(dir, 'askar.sqlite') } },
        },
      }),
      ...modules,
    },
  })
  await agent.initialize()
  return agent
}

/** An Ed25519 did:key made in the agent's store, and its key id (kid) for signing. */
export async function makeDidKey(agentContext: AgentContext) {
  const kms = agentContext.resolve(Kms.KeyManagementApi)
  const { keyId } = await kms.createKey({ type: { kty: 'OKP', crv: 'Ed25519' } })
  const { DidsApi } = await import('@credo-ts/core')
  const result = await agentContext.resolve(DidsApi).create<KeyDidCreateOptions>({ method: 'key', options: { keyId } })
  const did = result.didState.did as string
  return { did, kid: `${did}#${DidKey.fromDid(did).publicJwk.fingerprint}` }
}

export interface Served {
  baseUrl: string
  close: () => Promise<void>
}

export async function serve(app: express.Express): Promise<Served & { port: number }> {
  const port = await freePort()
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s))
  })
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** The SD-JWT VC configuration the sample issuer offers: an account holder's claims. */
export const ACCOUNT_VCT = 'https://bank.example/credentials/account-holder'
export const accountConfiguration = {
  format: 'dc+sd-jwt' as const,
  vct: ACCOUNT_VCT,
  scope: 'AccountHolder',
  cryptographic_binding_methods_supported: ['jwk'],
  proof_types_supported: {
    jwt: {
      proof_signing_alg_values_supported: [
        Kms.KnownJwaSignatureAlgorithms.EdDSA,
        Kms.KnownJwaSignatureAlgorithms.ES256,
      ],
    },
  },
  credential_metadata: {
    display: [{ name: 'Account holder', locale: 'en' }],
  },
}

export const ACCOUNT_CLAIMS = {
  given_name: 'Erika',
  family_name: 'Mustermann',
  birthdate: '1984-01-26',
  iban: 'DE89370400440532013000',
  monthly_income: 4200,
  employer: 'Example GmbH',
}

/** The second account the bank offers (configuration `savings`): the same kind, other values. */
export const SAVINGS_CLAIMS = { iban: 'NL91ABNA0417164300', monthly_income: 3100 }

/** Signs every asked credential with the issuer's did:key, every claim selectively disclosable. */
/** The account's values a request for family_name and monthly_income must never carry on the wire. */
export const UNASKED_ACCOUNT_VALUES = [
  ACCOUNT_CLAIMS.iban,
  ACCOUNT_CLAIMS.given_name,
  ACCOUNT_CLAIMS.birthdate,
  ACCOUNT_CLAIMS.employer,
]

export function accountMapper(issuerKid: () => string): OpenId4VciCredentialRequestToCredentialMapper {
  return async ({ holderBinding, credentialConfiguration, credentialConfigurationId }) => ({
    type: 'credentials',
    format: 'dc+sd-jwt',
    credentials: holderBinding.keys.map((holder) => ({
      payload: {
        vct: (credentialConfiguration as { vct: string }).vct,
        ...ACCOUNT_CLAIMS,
        ...(credentialConfigurationId === 'savings' ? SAVINGS_CLAIMS : {}),
      },
      holder,
      issuer: { method: 'did', didUrl: issuerKid() },
      disclosureFrame: { _sd: Object.keys(ACCOUNT_CLAIMS) },
    })),
  })
}

/**
 * The account credential named in German and English, with names for its claims (OpenID4VCI 1.0 metadata;
 * Credo's type for it has no `claims`, which it passes through as published).
 */
export const namedAccountConfiguration = {
  ...accountConfiguration,
  credential_metadata: {
    display: [
      { name: 'Kontoinhaberschaft', locale: 'de-DE', description: 'Bestätigt Ihr Konto bei der Beispielbank' },
      { name: 'Account holdership', locale: 'en-GB' },
    ],
    claims: [
      {
        path: ['iban'],
        display: [
          { name: 'Kontonummer (IBAN)', locale: 'de' },
          { name: 'Account number', locale: 'en' },
        ],
      },
      { path: ['monthly_income'], display: [{ name: 'Monatliches Nettoeinkommen', locale: 'de' }] },
      { path: ['employer'], display: [{ name: 'Employing company' }] },
    ],
  },
} as typeof accountConfiguration

export async function startIssuer(dir: string, issuerDisplay = [{ name: 'Example Bank', locale: 'en' }]) {
  const app = express()
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  let kid = ''
  const agent = await plainAgent(dir, 'bank', {
    openid4vc: new OpenId4VcModule({
      app,
      issuer: { baseUrl: `${baseUrl}/oid4vci`, credentialRequestToCredentialMapper: accountMapper(() => kid) },
    }),
  })
  kid = (await makeDidKey(agent.context)).kid
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s))
  })
  const issuer = await agent.openid4vc.issuer.createIssuer({
    credentialConfigurationsSupported: {
      account: accountConfiguration,
      named: namedAccountConfiguration,
      savings: accountConfiguration,
      // The format of the drafts, which issuers still send.
      accountLegacy: { ...accountConfiguration, format: 'vc+sd-jwt' as const },
      // A format the node does not keep (JSON-LD VCs come over DIDComm only): offered, never issued to it.
      diploma: {
        format: 'ldp_vc' as const,
        credential_definition: {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          type: ['VerifiableCredential', 'DiplomaCredential'] as [string, ...string[]],
        },
        proof_types_supported: accountConfiguration.proof_types_supported,
      },
    },
    display: issuerDisplay,
  })
  return {
    agent,
    issuer,
    baseUrl,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await agent.shutdown()
    },
  }
}

type PlainIssuer = Awaited<ReturnType<typeof startIssuer>>

/** The bank's pre-authorized offer of one configuration, with a 6-digit transaction code or none. */
export function offerFrom(issuer: PlainIssuer, txCode: boolean, configuration = 'account') {
  return issuer.agent.openid4vc.issuer.createCredentialOffer({
    issuerId: issuer.issuer.issuerId,
    credentialConfigurationIds: [configuration],
    preAuthorizedCodeFlowConfig: txCode
      ? { txCode: { input_mode: 'numeric', length: 6, description: 'The code in your bank letter' } }
      : {},
    version: 'v1',
  })
}

/** A DCQL query for these claims of the account credential. */
export function accountQuery(claims: string[]) {
  return {
    credentials: [
      {
        id: 'account',
        format: 'dc+sd-jwt',
        meta: { vct_values: [ACCOUNT_VCT] },
        claims: claims.map((claim) => ({ path: [claim] })),
      },
    ],
  } satisfies DcqlQuery
}

/**
 * A verifier on Credo's own module. `tap` sees every form body posted to it as it arrived (parsed before
 * Credo's router, which then skips parsing again): the wire bytes of an answer.
 */
export async function startVerifier(dir: string, tap?: (body: Record<string, unknown>) => void) {
  const app = express()
  if (tap) {
    app.use(express.urlencoded({ extended: false }), (req, _res, next) => {
      if (req.method === 'POST' && req.body) tap(req.body as Record<string, unknown>)
      next()
    })
  }
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const agent = await plainAgent(dir, 'lender', {
    openid4vc: new OpenId4VcModule({ app, verifier: { baseUrl: `${baseUrl}/oid4vp` } }),
  })
  const didKey = await makeDidKey(agent.context)
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s))
  })
  const verifier = await agent.openid4vc.verifier.createVerifier({
    clientMetadata: { client_name: 'Example Lender' },
  })
  return {
    agent,
    verifier,
    didKey,
    baseUrl,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await agent.shutdown()
    },
  }
}

/**
 * A verifier that names itself by a certificate (client id `x509_san_dns:localhost`), on Credo's module at
 * http://localhost (listening on 127.0.0.1 only).
 */
export async function startCertifiedVerifier(dir: string) {
  const app = express()
  const port = await freePort()
  const agent = await plainAgent(dir, 'certified-lender', {
    openid4vc: new OpenId4VcModule({ app, verifier: { baseUrl: `http://localhost:${port}/oid4vp` } }),
  })
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s))
  })
  const verifier = await agent.openid4vc.verifier.createVerifier({ clientMetadata: { client_name: 'Example Lender' } })
  const key = await agent.kms.createKey({ type: { kty: 'EC', crv: 'P-256' } })
  const certificate = await agent.x509.createCertificate({
    issuer: { commonName: 'Example Lender', countryName: 'NL' },
    authorityKey: Kms.PublicJwk.fromPublicJwk(key.publicJwk),
    extensions: { subjectAlternativeName: { name: [{ type: 'dns', value: 'localhost' }] } },
  })
  return {
    agent,
    verifier,
    certificate,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await agent.shutdown()
    },
  }
}
