import fs from 'node:fs'
import path from 'node:path'

import type { CustosNode } from '../../../electron/node'
import { startWebBridge, type WebBridge } from '../../../electron/node/webBridge'
import { startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

export const SECRET = 'this file lies outside the renderer folder'

export interface BridgeFixture {
  node: CustosNode
  bridge: WebBridge
  close(): Promise<void>
}

/**
 * A real node (store created) behind a bridge that serves a tiny stand-in renderer, with a secret
 * file beside the renderer folder and a symlink pointing at it, for the traversal checks.
 */
export async function startBridgeFixture(): Promise<BridgeFixture> {
  const tmp = makeTmpDir('custos-bridge-')
  const rendererDir = path.join(tmp.dir, 'renderer')
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>stand-in</title>')
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app")')
  fs.writeFileSync(path.join(tmp.dir, 'secret.txt'), SECRET)
  fs.symlinkSync(path.join(tmp.dir, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'))
  const node = await startNode(path.join(tmp.dir, 'node'), { label: 'bridged' })
  const bridge = await startWebBridge({ node, rendererDir })
  return {
    node,
    bridge,
    close: async () => {
      await bridge.close()
      await node.close()
      tmp.cleanup()
    },
  }
}
