import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { assertCanAccessUnit, unitFilterFor } from '../auth/unit-scope';
import { notFound } from '../common/app-error';
import type { Environment } from '../config/environment';
import { type ReceiptContent, receiptHash } from './receipt-content';
import { Receipt } from './receipt.entity';
import { ReceiptSigner } from './receipt-signer';

export interface ReceiptVerification {
  valid: boolean;
  hashMatches: boolean;
  signatureValid: boolean;
  keyId: string;
}

/** Issues signed receipts of record on submit, and verifies them. */
@Injectable()
export class ReceiptsService {
  readonly signer: ReceiptSigner;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    config: ConfigService<Environment, true>,
  ) {
    const seed = config.get('RECEIPT_SIGNING_KEY', { infer: true });
    this.signer = seed ? new ReceiptSigner(Buffer.from(seed, 'base64')) : ReceiptSigner.fromSecret(config.get('JWT_SECRET', { infer: true }) as string);
  }

  /** Called inside the submit transaction. */
  async issue(manager: EntityManager, content: Omit<ReceiptContent, 'receiptId'>): Promise<Receipt> {
    const [{ id }] = await manager.query('SELECT gen_random_uuid() AS id');
    const full: ReceiptContent = { receiptId: id, ...content };
    const hash = receiptHash(full);
    return manager.getRepository(Receipt).save({
      id,
      submissionId: content.submissionId,
      unitId: content.unit.id,
      content: full,
      hash,
      signature: this.signer.sign(hash),
      keyId: this.signer.keyId,
    });
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

  /** Recomputes the hash from the content and checks the server's signature over it. */
  verify(receipt: Pick<Receipt, 'content' | 'hash' | 'signature'>): ReceiptVerification {
    const hashMatches = receiptHash(receipt.content) === receipt.hash;
    const signatureValid = this.signer.verify(receipt.hash, receipt.signature);
    return { valid: hashMatches && signatureValid, hashMatches, signatureValid, keyId: this.signer.keyId };
  }
}
