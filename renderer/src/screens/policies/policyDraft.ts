import type { PolicyInput } from '../../../../shared/api'

/** The form's fields as typed; turned into the contract's policy input (checked again by the node). */
export interface PolicyDraft {
  name: string
  whoKind: 'connection' | 'role'
  connectionId: string
  role: string
  type: string
  claims: string
  purpose: string
  maxAnswers: string
  period: string
  maxRetention: string
  action: PolicyInput['action']
}

export const emptyDraft: PolicyDraft = {
  name: '',
  whoKind: 'connection',
  connectionId: '',
  role: '',
  type: '',
  claims: '',
  purpose: '',
  maxAnswers: '',
  period: 'P30D',
  maxRetention: '',
  action: 'share',
}

export function policyFromDraft(draft: PolicyDraft): PolicyInput {
  const claims = draft.claims
    .split(',')
    .map((claim) => claim.trim())
    .filter(Boolean)
  return {
    name: draft.name.trim(),
    who:
      draft.whoKind === 'role'
        ? { kind: 'role', role: draft.role.trim() }
        : { kind: 'connection', connectionId: draft.connectionId },
    what: [{ type: draft.type.trim(), claims }],
    why: [draft.purpose],
    when: {
      ...(draft.maxAnswers ? { maxAnswers: Number(draft.maxAnswers), period: draft.period } : {}),
      ...(draft.maxRetention ? { maxRetention: draft.maxRetention.trim() } : {}),
    },
    action: draft.action,
    beyond: 'ask',
  }
}
