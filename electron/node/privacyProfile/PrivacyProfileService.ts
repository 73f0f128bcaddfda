import { EventEmitter, inject, injectable, type AgentContext } from '@credo-ts/core'

import type { PrivacyProfile, PrivacyRuleInput } from '../../../shared/api'
import { InvalidInputError } from '../../../shared/errors'
import { appDatabaseOf } from '../db'
import { dpvPurposes } from '../vocabulary'
import { PrivacyProfileEventTypes, type PrivacyProfileChangedEvent } from './PrivacyProfileEvents'
import { currentProfile, saveProfile } from './profileStore'

/** The person's privacy profile in the app database, one version per change. */
@injectable()
export class PrivacyProfileService {
  constructor(@inject(EventEmitter) private readonly events: EventEmitter) {}

  get(agentContext: AgentContext): PrivacyProfile {
    return currentProfile(appDatabaseOf(agentContext))
  }

  /** Checked whole before anything is written: a purpose the bundled DPV does not know is refused. */
  set(agentContext: AgentContext, rules: PrivacyRuleInput[]): PrivacyProfile {
    const vocabulary = dpvPurposes()
    for (const rule of rules) {
      if (rule.kind === 'neverPurpose' && !vocabulary.has(rule.purpose)) {
        throw new InvalidInputError(`"${rule.purpose}" is not a purpose Custos knows; choose one from the list.`)
      }
    }
    const profile = saveProfile(appDatabaseOf(agentContext), rules, new Date().toISOString())
    this.events.emit<PrivacyProfileChangedEvent>(agentContext, {
      type: PrivacyProfileEventTypes.PrivacyProfileChanged,
      payload: { version: profile.version },
    })
    return profile
  }
}
