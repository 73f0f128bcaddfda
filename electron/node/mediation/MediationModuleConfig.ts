/** Whether this node serves as a mediator for other nodes (a household's always-on node). */
export class MediationModuleConfig {
  constructor(readonly servesAsMediator: boolean) {}
}
