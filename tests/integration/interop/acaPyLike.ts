import { utils, type Agent, type ConnectionRecord } from '@credo-ts/core'

/**
 * What an ACA-Py-like agent does with an invitation, as issue 10 describes it: it takes an out-of-band
 * invitation only when the invitation has exactly one service, and refuses it otherwise (RFC 0434 allows
 * several). Acceptance itself is Credo's.
 */
export async function acceptSingleServiceInvitation(agent: Agent, url: string): Promise<ConnectionRecord> {
  const invitation = utils.parseInvitationUrl(url)
  const services = invitation.getServices()
  if (services.length !== 1) {
    throw new Error(`invitation refused: it has ${services.length} services, exactly one is accepted`)
  }
  const { connectionRecord } = await agent.oob.receiveInvitation(invitation, {
    autoAcceptInvitation: true,
    autoAcceptConnection: true,
  })
  if (!connectionRecord) throw new Error('the invitation made no connection')
  return connectionRecord
}
