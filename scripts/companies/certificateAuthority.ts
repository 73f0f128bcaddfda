import { webcrypto } from 'node:crypto'

import * as x509 from '@peculiar/x509'

// @peculiar/x509 comes with Credo core (its X.509 support); WebCrypto is Node's own.
const crypto = webcrypto as unknown as Crypto
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' }
const DAY = 24 * 60 * 60 * 1000

/** A TLS server certificate and its key, both PEM, as node:https takes them. */
export interface ServerCertificate {
  cert: string
  key: string
}

/** A certificate authority made on the spot, for tests and the demo only: its key never leaves the process. */
export interface CertificateAuthority {
  /** The CA certificate (PEM): what a node is told to trust. */
  certificate: string
  /** A server certificate for `ip` signed by this CA. */
  serverCertificate(ip?: string): Promise<ServerCertificate>
}

async function pkcs8Pem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await crypto.subtle.exportKey('pkcs8', key))
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END PRIVATE KEY-----\n`
}

export async function newCertificateAuthority(name = 'Custos test CA'): Promise<CertificateAuthority> {
  const keys = (await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair
  const notBefore = new Date(Date.now() - DAY)
  const notAfter = new Date(Date.now() + 30 * DAY)
  const ca = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: '01',
      name: `CN=${name}`,
      notBefore,
      notAfter,
      keys,
      signingAlgorithm: ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      ],
    },
    crypto,
  )
  let serial = 1
  return {
    certificate: ca.toString('pem'),
    async serverCertificate(ip = '127.0.0.1') {
      const leafKeys = (await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair
      serial += 1
      const leaf = await x509.X509CertificateGenerator.create(
        {
          serialNumber: serial.toString(16).padStart(2, '0'),
          subject: `CN=${ip}`,
          issuer: ca.subject,
          notBefore,
          notAfter,
          publicKey: leafKeys.publicKey,
          signingKey: keys.privateKey,
          signingAlgorithm: ALGORITHM,
          extensions: [
            new x509.BasicConstraintsExtension(false),
            new x509.SubjectAlternativeNameExtension([{ type: 'ip', value: ip }]),
            new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
            await x509.AuthorityKeyIdentifierExtension.create(keys.publicKey, false, crypto),
          ],
        },
        crypto,
      )
      return { cert: leaf.toString('pem'), key: await pkcs8Pem(leafKeys.privateKey) }
    },
  }
}
