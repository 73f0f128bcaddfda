import { freePort } from '../freePort'
import { NodeProcess } from './NodeProcess'
import type { NodeProcessConfig } from './protocol'

// Three processes start together on two cores busy with other work: measured 35-45 s on Credo 0.5.19 and
// 0.6.3 alike at a load of 7, past NodeProcess's default 30 s. Inside vitest's 120 s hook timeout.
const START_MS = 100_000

export interface MediatedDesktop {
  /** Kept so a test can kill a process and start it again on the same data directory. */
  mediatorConfig: NodeProcessConfig
  desktopConfig: NodeProcessConfig
  mediator: NodeProcess
  desktop: NodeProcess
  company: NodeProcess
  /** The company's connection to the desktop, whose messages go through the mediator. */
  companyToDesktop: string
}

/**
 * Three node processes under `dir`: a mediator, a desktop without an endpoint that uses it (live mode,
 * no polling), and a company with an endpoint connected to the desktop.
 */
export async function startMediatedDesktop(dir: string, passphrase: string): Promise<MediatedDesktop> {
  const mediatorConfig: NodeProcessConfig = {
    dataDir: `${dir}/m`,
    label: 'Mediator',
    passphrase,
    port: await freePort(),
    mediator: true,
  }
  const desktopConfig: NodeProcessConfig = {
    dataDir: `${dir}/d`,
    label: 'Desktop',
    passphrase,
    pollingIntervalMs: 600_000,
  }
  const companyConfig: NodeProcessConfig = { dataDir: `${dir}/c`, label: 'Company', passphrase, port: await freePort() }
  const [mediator, desktop, company] = await Promise.all([
    NodeProcess.start(mediatorConfig, START_MS),
    NodeProcess.start(desktopConfig, START_MS),
    NodeProcess.start(companyConfig, START_MS),
  ])
  const device = await mediator.api('mediation.createDeviceInvitation')
  await desktop.api('mediation.useMediator', { invitationUrl: device.url })
  const invitation = await desktop.request<string>({ cmd: 'createInvitation' })
  const companyToDesktop = await company.request<string>({ cmd: 'acceptInvitation', url: invitation })
  return { mediatorConfig, desktopConfig, mediator, desktop, company, companyToDesktop }
}
