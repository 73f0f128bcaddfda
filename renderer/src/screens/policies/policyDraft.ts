import type { PolicyInput } from '../../../../shared/api'

/** The form's fields as chosen; turned into the contract's policy input (checked again by the node). */
export interface PolicyDraft {
  name: string
  whoKind: 'connection' | 'role'
  connectionId: string
  role: string
  type: string
  claims: string[]
  purpose: string
  maxAnswers: string
  /** A number of days, months or years: the form asks in words, the contract takes ISO 8601 (P30D). */
  periodAmount: string
  periodUnit: DurationUnit
  retentionAmount: string
  retentionUnit: DurationUnit
  action: PolicyInput['action']
}

export type DurationUnit = 'Y' | 'M' | 'D'

export const emptyDraft: PolicyDraft = {
  name: '',
  whoKind: 'connection',
  connectionId: '',
  role: '',
  type: '',
  claims: [],
  purpose: '',
  maxAnswers: '',
  periodAmount: '30',
  periodUnit: 'D',
  retentionAmount: '',
  retentionUnit: 'Y',
  action: 'share',
}

const duration = (amount: string, unit: DurationUnit) => `P${Number(amount)}${unit}`

export function policyFromDraft(draft: PolicyDraft): PolicyInput {
  return {
    name: draft.name.trim(),
    who:
      draft.whoKind === 'role'
        ? { kind: 'role', role: draft.role.trim() }
        : { kind: 'connection', connectionId: draft.connectionId },
    what: [{ type: draft.type, claims: draft.claims }],
    why: [draft.purpose],
    when: {
      ...(draft.maxAnswers
        ? { maxAnswers: Number(draft.maxAnswers), period: duration(draft.periodAmount, draft.periodUnit) }
        : {}),
      ...(draft.retentionAmount ? { maxRetention: duration(draft.retentionAmount, draft.retentionUnit) } : {}),
    },
    action: draft.action,
    beyond: 'ask',
  }
}
