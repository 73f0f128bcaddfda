import { AgentContext, inject, injectable } from '@credo-ts/core'
import type { z } from 'zod'

import type { ContractApi, Mandate, MandateAsk, mandatesContract } from '../../../shared/api'
import { DelegateAsksService } from './DelegateAsksService'
import { MandateAsksService } from './MandateAsksService'
import { MandatesService } from './MandatesService'

type Give = z.output<(typeof mandatesContract)['mandates.give']['input']>

@injectable()
export class MandatesApi implements ContractApi<typeof mandatesContract> {
  constructor(
    @inject(AgentContext) private readonly agentContext: AgentContext,
    @inject(MandatesService) private readonly mandates: MandatesService,
    @inject(MandateAsksService) private readonly requestsPut: MandateAsksService,
    @inject(DelegateAsksService) private readonly delegate: DelegateAsksService,
  ) {}

  list(): Promise<Mandate[]> {
    return this.mandates.list(this.agentContext)
  }

  give(input: Give): Promise<Mandate> {
    return this.mandates.give(this.agentContext, input)
  }

  revoke({ id }: { id: string }): Promise<Mandate> {
    return this.mandates.revoke(this.agentContext, id)
  }

  async asks(): Promise<MandateAsk[]> {
    return this.requestsPut.list(this.agentContext)
  }

  decide({ askId, approve }: { askId: string; approve: boolean }): Promise<MandateAsk> {
    return this.delegate.decide(this.agentContext, askId, approve)
  }
}
