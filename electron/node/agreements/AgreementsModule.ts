import type { DependencyManager } from '@credo-ts/core'
import { DidCommFeatureRegistry, DidCommMessageHandlerRegistry, DidCommProtocol } from '@credo-ts/didcomm'

import { agreementsContract } from '../../../shared/api'
import type { ContractModule } from '../kernel'
import { AgreementInbox } from './AgreementInbox'
import { AgreementsApi } from './AgreementsApi'
import { AgreementsService } from './AgreementsService'
import { AgreementMessageHandler, DATA_AGREEMENTS_PROTOCOL } from './protocol'

/**
 * Data agreements (docs/data-agreements.md): a company's data list negotiated against the privacy
 * profile until both sides sign the same terms. The node speaks the protocol as the holder; consent
 * refuses a request beyond the agreement it names.
 */
export class AgreementsModule implements ContractModule<typeof agreementsContract> {
  readonly api = AgreementsApi
  readonly contract = agreementsContract

  register(dependencyManager: DependencyManager): void {
    dependencyManager.registerSingleton(AgreementsService)
    dependencyManager.registerSingleton(AgreementInbox)
    dependencyManager
      .resolve(DidCommFeatureRegistry)
      .register(new DidCommProtocol({ id: DATA_AGREEMENTS_PROTOCOL, roles: ['holder'] }))
    dependencyManager.resolve(DidCommMessageHandlerRegistry).registerMessageHandlers([
      new AgreementMessageHandler(async (context) => {
        const connection = context.assertReadyConnection()
        const inbox = context.agentContext.dependencyManager.resolve(AgreementInbox)
        await inbox.receive(context.agentContext, context.message, connection)
      }),
    ])
  }
}
