import type { ConnectionRole } from '../../../../shared/api'

/** The roles in the person's words; the node stores the identifiers. */
export const roleNames: Record<ConnectionRole, string> = {
  unassigned: 'Not assigned yet',
  'data-source': 'Data source (issues data to me)',
  requester: 'Requester (asks for my data)',
  'household-member': 'Household member',
  mediator: 'Mediator (relays my messages)',
}
