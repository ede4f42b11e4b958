// @peculiar/x509 resolves its ASN.1 classes through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata';
import { webcrypto, X509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/**
 * The room's own TLS identity (ADR 0013): a fresh ECDSA P-256 key and a self-signed certificate.
 * Members never judge it by a CA or a prompt: they compare its SHA-256 fingerprint with the one the
 * signed meeting pack (or the host's screen) gave them, and their join signature names it.
 */
export interface RoomCertificate {
  keyPem: string;
  certPem: string;
  /** SHA-256 of the certificate's DER, as upper-case hex pairs joined by ':' (Node's `fingerprint256`). */
  fingerprint: string;
}

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export async function makeRoomCertificate(now: Date, days = 30): Promise<RoomCertificate> {
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1'),
    name: 'CN=Nghi Su meeting room',
    notBefore: new Date(now.getTime() - 3600_000),
    notAfter: new Date(now.getTime() + days * 86_400_000),
    keys,
    signingAlgorithm: ALGORITHM,
    extensions: [new x509.BasicConstraintsExtension(false, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const keyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').replace(/(.{64})/g, '$1\n').trim()}\n-----END PRIVATE KEY-----\n`;
  const certPem = cert.toString('pem');
  return { keyPem, certPem, fingerprint: new X509Certificate(certPem).fingerprint256 };
}
