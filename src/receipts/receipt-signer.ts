import { createHash, createPrivateKey, createPublicKey, hkdfSync, type KeyObject, sign, verify } from 'node:crypto';

// PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * Signs receipt hashes with Ed25519. The key comes from a base64 32-byte seed (RECEIPT_SIGNING_KEY),
 * or, when none is configured, is derived from the JWT secret so that it survives restarts.
 */
export class ReceiptSigner {
  private readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly keyId: string;

  constructor(seed: Buffer) {
    if (seed.length !== 32) throw new Error('An Ed25519 seed has exactly 32 bytes');
    this.privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    this.publicKey = createPublicKey(this.privateKey);
    const spki = this.publicKey.export({ format: 'der', type: 'spki' });
    this.keyId = createHash('sha256').update(spki).digest('hex').slice(0, 16);
  }

  static fromSecret(secret: string): ReceiptSigner {
    return new ReceiptSigner(Buffer.from(hkdfSync('sha256', secret, 'baocao-receipts', 'ed25519-seed', 32)));
  }

  sign(hash: string): string {
    return sign(null, Buffer.from(hash, 'hex'), this.privateKey).toString('base64');
  }

  verify(hash: string, signature: string): boolean {
    try {
      return verify(null, Buffer.from(hash, 'hex'), this.publicKey, Buffer.from(signature, 'base64'));
    } catch {
      return false;
    }
  }

  publicKeyPem(): string {
    return this.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  }
}
