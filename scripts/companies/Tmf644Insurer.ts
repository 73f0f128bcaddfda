import { randomUUID } from 'node:crypto'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import express from 'express'

import { homeInsuranceSpecification } from './homeInsuranceSpecification'

export const TMF644_PATH = '/tmf-api/privacyManagement/v4'

type Resource = Record<string, unknown>

/** The insurer's own rule: the customer's choices (characteristic name → value) and a reason to refuse, or nothing. */
export type InsurerRule = (choices: Map<string, unknown>, specification: unknown) => string | undefined

export interface PostedAgreement {
  id: string
  status: 'approved' | 'rejected'
  body: Resource
  reason?: string
}

const tmfError = (status: number, reason: string) => ({ code: String(status), reason, '@type': 'Error' })
const list = (value: unknown): Resource[] => (Array.isArray(value) ? (value as Resource[]) : [])

/**
 * A test and demo insurer that publishes its data list through TMF644 Privacy Management v4 on 127.0.0.1:
 * `GET /partyPrivacyProfileSpecification`, and takes a customer's PartyPrivacyProfile and
 * PartyPrivacyAgreement by POST. It approves or rejects an agreement by its rule and keeps what was posted.
 */
export class Tmf644Insurer {
  readonly profiles = new Map<string, Resource>()
  readonly agreements = new Map<string, PostedAgreement>()
  /** What the data list endpoint serves; a string is served as it is, to send what does not parse. */
  specification: unknown
  baseUrl = ''
  private server?: Server

  constructor(private readonly rule: InsurerRule) {}

  static async start(rule: InsurerRule): Promise<Tmf644Insurer> {
    const insurer = new Tmf644Insurer(rule)
    await insurer.listen()
    return insurer
  }

  private async listen(): Promise<void> {
    const app = express()
    app.use(express.json({ limit: '100kb' }))
    app.get(`${TMF644_PATH}/partyPrivacyProfileSpecification`, (_req, res) => {
      if (typeof this.specification === 'string') res.type('application/json').send(this.specification)
      else res.json(this.specification)
    })
    app.post(`${TMF644_PATH}/partyPrivacyProfile`, (req, res) => {
      const body = (req.body ?? {}) as Resource
      const party = body.agreedByParty as Resource | undefined
      const spec = body.partyPrivacyProfileSpecification as Resource | undefined
      if (!party?.id || !spec?.id || !Array.isArray(body.partyPrivacyProfileCharacteristic)) {
        res
          .status(400)
          .json(tmfError(400, 'A privacy profile needs agreedByParty, its specification and characteristics.'))
        return
      }
      const id = randomUUID()
      const profile = { ...body, id, href: `${this.baseUrl}/partyPrivacyProfile/${id}`, status: 'created' }
      this.profiles.set(id, profile)
      res.status(201).json(profile)
    })
    app.post(`${TMF644_PATH}/partyPrivacyAgreement`, (req, res) => {
      const body = (req.body ?? {}) as Resource
      const profileId = list(body.partyPrivacyProfile)[0]?.id
      if (
        !body.name ||
        !body.agreementType ||
        !list(body.agreementItem).length ||
        !list(body.engagedPartyRole).length
      ) {
        res.status(400).json(tmfError(400, 'An agreement needs a name, a type, its items and the engaged party.'))
        return
      }
      if (typeof profileId !== 'string' || !this.profiles.has(profileId)) {
        res.status(404).json(tmfError(404, 'The agreement names no privacy profile of ours.'))
        return
      }
      const choices = new Map(list(body.partyPrivacyProfileCharacteristic).map((c) => [String(c.name), c.value]))
      const reason = this.rule(choices, this.specification)
      const id = randomUUID()
      const status = reason ? 'rejected' : 'approved'
      const stored = { ...body, id, href: `${this.baseUrl}/partyPrivacyAgreement/${id}`, status }
      this.agreements.set(id, { id, status, body: stored, reason })
      if (reason) res.status(422).json(tmfError(422, reason))
      else res.status(201).json(stored)
    })
    await new Promise<void>((resolve) => {
      this.server = app.listen(0, '127.0.0.1', () => resolve())
    })
    const { port } = this.server!.address() as AddressInfo
    this.baseUrl = `http://127.0.0.1:${port}${TMF644_PATH}`
    this.specification = [homeInsuranceSpecification(this.baseUrl)]
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }
}
