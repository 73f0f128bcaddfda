import type { Position, ProfileConflict } from '../../../shared/api'
import type { Evaluation } from './evaluate'

/**
 * The profile bounds every answer: where a request goes beyond it, a policy that says share is not
 * carried out and the request waits for the person, who sees why. A refusal stays a refusal.
 */
export function boundByProfile(evaluation: Evaluation, position: Position): Evaluation {
  if (position.fits || evaluation.outcome !== 'share') return { ...evaluation, position }
  const conflicts = [...position.conflicts, ...position.items.flatMap((item) => item.conflicts)]
  return {
    ...evaluation,
    outcome: 'ask',
    position,
    reason: `${evaluation.reason} But the request goes beyond your privacy profile (${describe(conflicts)}), so it waits for you.`,
  }
}

function describe(conflicts: ProfileConflict[]): string {
  const words = conflicts.map((conflict) => {
    switch (conflict.kind) {
      case 'purpose-excluded':
        return `purpose ${conflict.purpose ?? ''}`
      case 'retention-too-long':
        return `kept ${conflict.stated ?? ''}, at most ${conflict.max ?? ''} for ${conflict.category ?? ''} data`
      case 'retention-unstated':
        return `no retention stated for ${conflict.category ?? ''} data`
      case 'third-parties':
        return `shared with ${(conflict.recipients ?? []).join(', ')}`
      case 'profiling':
        return 'profiling'
    }
  })
  return [...new Set(words)].join('; ')
}
