import { createHash, createPrivateKey, createPublicKey, hkdfSync, type KeyObject, sign, verify } from 'node:crypto';

// DER prefixes of Ed25519 keys: PKCS#8 before a 32-byte private seed, SPKI before a 32-byte public key.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A public key that verifies receipt signatures; its id is the first 16 hex digits of sha256(SPKI). */
export class ReceiptVerifyingKey {
  readonly keyId: string;

  constructor(readonly publicKey: KeyObject) {
    this.keyId = createHash('sha256').update(publicKey.export({ format: 'der', type: 'spki' })).digest('hex').slice(0, 16);
  }

  /** From the base64 of the raw 32-byte public key (what `publicKeyBase64()` gives and RECEIPT_RETIRED_PUBLIC_KEYS lists). */
  static fromBase64(raw: string): ReceiptVerifyingKey {
    const bytes = Buffer.from(raw, 'base64');
    if (bytes.length !== 32) throw new Error('An Ed25519 public key has exactly 32 bytes');
    return new ReceiptVerifyingKey(createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, bytes]), format: 'der', type: 'spki' }));
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

  publicKeyBase64(): string {
    return this.publicKey.export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI_PREFIX.length).toString('base64');
  }
}

/**
 * Signs receipt hashes with Ed25519. The key comes from a base64 32-byte seed (RECEIPT_SIGNING_KEY,
 * required in production), or, in development and tests, is derived from the JWT secret.
 */
export class ReceiptSigner extends ReceiptVerifyingKey {
  private readonly privateKey: KeyObject;

  constructor(seed: Buffer) {
    if (seed.length !== 32) throw new Error('An Ed25519 seed has exactly 32 bytes');
    const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    super(createPublicKey(privateKey));
    this.privateKey = privateKey;
  }

  static fromSecret(secret: string): ReceiptSigner {
    return new ReceiptSigner(Buffer.from(hkdfSync('sha256', secret, 'baocao-receipts', 'ed25519-seed', 32)));
  }

  sign(hash: string): string {
    return sign(null, Buffer.from(hash, 'hex'), this.privateKey).toString('base64');
  }
}

export type ReceiptKeyStatus = 'current' | 'retired';

/** The key that signs new receipts and the retired ones that still verify older receipts. */
export class ReceiptKeyring {
  constructor(
    readonly current: ReceiptSigner,
    readonly retired: ReceiptVerifyingKey[],
  ) {}

  all(): Array<{ key: ReceiptVerifyingKey; status: ReceiptKeyStatus }> {
    return [{ key: this.current, status: 'current' as const }, ...this.retired.map((key) => ({ key, status: 'retired' as const }))];
  }

  find(keyId: string): { key: ReceiptVerifyingKey; status: ReceiptKeyStatus } | undefined {
    return this.all().find((entry) => entry.key.keyId === keyId);
  }
}
