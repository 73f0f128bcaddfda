/**
 * The node's one family of errors for input it refuses from another agent (never a CustosError: these
 * do not cross the API, they become a transport's 4xx or a socket close). A capability that declines to
 * keep a message (a mediator's full recipient queue) throws one, so the transports need not know each
 * capability's errors; `reason` is the short word the sender is told.
 */
export abstract class InboundRefusal extends Error {
  abstract readonly reason: 'cannot decrypt' | 'invalid message' | 'not accepted' | 'rate limited'
}
