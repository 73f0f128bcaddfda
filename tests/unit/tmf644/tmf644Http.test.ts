import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ANSWER_LIMIT, companyBase, tmfRequest } from '../../../electron/node/tmf644/tmf644Http'

// A company API on 127.0.0.1 that misbehaves: an answer streamed past the limit with no length stated,
// a redirect to elsewhere, an answer that is not JSON.
describe('requests to a company’s TMF644 API', () => {
  let server: http.Server
  let base: string
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/endless') {
        res.writeHead(200, { 'content-type': 'application/json' })
        const chunk = Buffer.alloc(64 * 1024, 0x20)
        const write = (left: number): void => {
          if (left === 0) return void res.end()
          res.write(chunk, () => write(left - 1))
        }
        write(8)
      } else if (req.url === '/moved') {
        res.writeHead(302, { location: 'https://elsewhere.example/' }).end()
      } else {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>')
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('stops reading an answer past the limit even when no length is stated', async () => {
    expect(ANSWER_LIMIT).toBeLessThan(8 * 64 * 1024)
    await expect(tmfRequest(`${base}/endless`)).rejects.toMatchObject({
      code: 'AgreementRefused',
      message: expect.stringContaining('larger than 256 KiB'),
    })
  })

  it('follows no redirect and reads no answer that is not JSON', async () => {
    await expect(tmfRequest(`${base}/moved`)).rejects.toMatchObject({
      code: 'AgreementRefused',
      message: expect.stringContaining('follows no redirect'),
    })
    await expect(tmfRequest(`${base}/page`)).rejects.toMatchObject({
      code: 'AgreementRefused',
      message: expect.stringContaining('not JSON'),
    })
  })

  it('takes https anywhere and plain http on this machine only, with no credentials or query', () => {
    expect(companyBase('https://insurer.example/tmf-api/privacyManagement/v4/')).toBe(
      'https://insurer.example/tmf-api/privacyManagement/v4',
    )
    expect(companyBase('http://localhost:8080/tmf-api')).toBe('http://localhost:8080/tmf-api')
    for (const refused of ['http://insurer.example/tmf-api', 'ftp://127.0.0.1/x', 'not an address']) {
      expect(() => companyBase(refused), refused).toThrow(expect.objectContaining({ code: 'InvalidInput' }))
    }
    for (const refused of ['https://user:pw@insurer.example/api', 'https://insurer.example/api?x=1']) {
      expect(() => companyBase(refused), refused).toThrow(/no user name, password, query or fragment/)
    }
  })
})
