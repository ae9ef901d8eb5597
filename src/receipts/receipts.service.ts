import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../access/authenticated-user';
import { assertCanAccessUnit, unitFilterFor } from '../access/unit-scope';
import { notFound } from '../common/app-error';
import type { Environment } from '../config/environment';
import { type ReceiptContent, receiptHash } from './receipt-content';
import { Receipt } from './receipt.entity';
import { type ReceiptKeyStatus, ReceiptKeyring, ReceiptSigner, ReceiptVerifyingKey } from './receipt-signer';

export interface ReceiptVerification {
  valid: boolean;
  hashMatches: boolean;
  signatureValid: boolean;
  /** The key that verified the signature, else the one the receipt names (or the current key). */
  keyId: string;
  /** `unknown`: no configured key has that id (a key retired and no longer listed, or a forgery). */
  keyStatus: ReceiptKeyStatus | 'unknown';
}

/** Issues signed receipts of record on submit, and verifies them. */
@Injectable()
export class ReceiptsService {
  readonly keys: ReceiptKeyring;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    config: ConfigService<Environment, true>,
  ) {
    const seed = config.get('RECEIPT_SIGNING_KEY', { infer: true });
    const current = seed ? new ReceiptSigner(Buffer.from(seed, 'base64')) : ReceiptSigner.fromSecret(config.get('JWT_SECRET', { infer: true }) as string);
    const retired = (config.get('RECEIPT_RETIRED_PUBLIC_KEYS', { infer: true }) ?? []).map((key) => ReceiptVerifyingKey.fromBase64(key));
    this.keys = new ReceiptKeyring(current, retired);
  }

  /** Called inside the submit transaction. */
  async issue(manager: EntityManager, content: Omit<ReceiptContent, 'receiptId'>): Promise<Receipt> {
    const id = randomUUID();
    const full: ReceiptContent = { receiptId: id, ...content };
    const hash = receiptHash(full);
    const receipt = manager.getRepository(Receipt).create({
      id,
      submissionId: content.submissionId,
      unitId: content.unit.id,
      content: full,
      hash,
      signature: this.keys.current.sign(hash),
      keyId: this.keys.current.keyId,
    });
    // insert(), not save(): the id is new, so save()'s SELECT for an existing row is wasted. It sets createdAt.
    await manager.getRepository(Receipt).insert(receipt);
    return receipt;
  }

  async get(id: string, user: AuthenticatedUser): Promise<Receipt> {
    const receipt = await this.db.getRepository(Receipt).findOneBy({ id });
    if (!receipt) throw notFound('biên nhận', id);
    assertCanAccessUnit(user, receipt.unitId);
    return receipt;
  }

  /** A submission's receipts, oldest first; an officer sees none of another unit's. */
  async listFor(submissionId: string, user: AuthenticatedUser): Promise<Receipt[]> {
    const unitId = unitFilterFor(user);
    return this.db.getRepository(Receipt).find({ where: { submissionId, ...(unitId ? { unitId } : {}) }, order: { createdAt: 'ASC' } });
  }

  /**
   * Recomputes the hash from the content and checks the server's signature over it, with the key
   * the receipt names (current or retired), or, for a document that names none, with each known key.
   */
  verify(receipt: Pick<Receipt, 'content' | 'hash' | 'signature'> & { keyId?: string }): ReceiptVerification {
    const hashMatches = receiptHash(receipt.content) === receipt.hash;
    const candidates = receipt.keyId === undefined ? this.keys.all() : [this.keys.find(receipt.keyId)].filter((entry) => entry !== undefined);
    const verifier = candidates.find((entry) => entry.key.verify(receipt.hash, receipt.signature));
    return {
      valid: hashMatches && verifier !== undefined,
      hashMatches,
      signatureValid: verifier !== undefined,
      keyId: verifier?.key.keyId ?? receipt.keyId ?? this.keys.current.keyId,
      keyStatus: verifier?.status ?? (receipt.keyId === undefined ? 'unknown' : (this.keys.find(receipt.keyId)?.status ?? 'unknown')),
    };
  }

  /** The PEM of the key a receipt names, for its printed page; the current key's when it is unknown. */
  publicKeyPemFor(keyId: string): string {
    return (this.keys.find(keyId)?.key ?? this.keys.current).publicKeyPem();
  }
}
