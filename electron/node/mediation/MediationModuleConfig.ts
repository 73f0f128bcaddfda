/** How a node takes part in mediation: as a mediator for other nodes, and as a recipient of its own. */
export class MediationModuleConfig {
  constructor(
    /** Whether this node serves as a mediator for other nodes (a household's always-on node). */
    readonly servesAsMediator: boolean,
    /** Back-off for reopening the mediator WebSocket of implicit delivery, as Credo's for live mode. */
    readonly reconnectMinMs = 500,
    readonly reconnectMaxMs = 30_000,
  ) {}
}
