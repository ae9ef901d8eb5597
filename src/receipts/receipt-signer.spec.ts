import { randomBytes } from 'node:crypto';
import { canonicalJson, type ReceiptContent, receiptHash } from './receipt-content';
import { ReceiptKeyring, ReceiptSigner, ReceiptVerifyingKey } from './receipt-signer';

const content: ReceiptContent = {
  receiptId: 'r1',
  submissionId: 's1',
  versionNumber: 2,
  fileSha256: 'a'.repeat(64),
  serverTime: '2025-01-20T03:00:00.000Z',
  submitter: { id: 'u1', email: 'officer.01@baocao.local' },
  unit: { id: 'unit', code: '01', name: 'Thành phố Hà Nội' },
  obligation: { code: 'TT35-BUU-CHINH', title: 'Báo cáo' },
  periodKey: '2024-Y',
  dueDate: '2025-02-04',
  onTime: true,
};

describe('receipt hashing and signing', () => {
  it('hashes canonical JSON, independent of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"e":0,"f":1}]},"b":1}');
    const reordered = JSON.parse(JSON.stringify({ ...content, onTime: true, periodKey: '2024-Y' })) as ReceiptContent;
    expect(receiptHash(reordered)).toBe(receiptHash(content));
  });

  it('verifies its own signature and refuses a tampered hash or signature', () => {
    const signer = new ReceiptSigner(randomBytes(32));
    const hash = receiptHash(content);
    const signature = signer.sign(hash);
    expect(signer.verify(hash, signature)).toBe(true);
    expect(signer.verify(receiptHash({ ...content, onTime: false }), signature)).toBe(false);
    expect(signer.verify(hash, Buffer.from('x'.repeat(64)).toString('base64'))).toBe(false);
    expect(new ReceiptSigner(randomBytes(32)).verify(hash, signature)).toBe(false);
  });

  it('derives the same key from the same secret, so receipts survive restarts', () => {
    expect(ReceiptSigner.fromSecret('secret-1').keyId).toBe(ReceiptSigner.fromSecret('secret-1').keyId);
    expect(ReceiptSigner.fromSecret('secret-1').keyId).not.toBe(ReceiptSigner.fromSecret('secret-2').keyId);
  });

  it('rebuilds a public key from its published base64 form, with the same key id, verifying what the seed signed', () => {
    const signer = new ReceiptSigner(randomBytes(32));
    const published = ReceiptVerifyingKey.fromBase64(signer.publicKeyBase64());
    expect(published.keyId).toBe(signer.keyId);
    expect(published.publicKeyPem()).toBe(signer.publicKeyPem());
    const hash = receiptHash(content);
    expect(published.verify(hash, signer.sign(hash))).toBe(true);
    expect(() => ReceiptVerifyingKey.fromBase64(Buffer.alloc(31).toString('base64'))).toThrow('exactly 32 bytes');
  });

  it('finds a key of the ring by id, current first', () => {
    const current = new ReceiptSigner(randomBytes(32));
    const retired = ReceiptVerifyingKey.fromBase64(new ReceiptSigner(randomBytes(32)).publicKeyBase64());
    const ring = new ReceiptKeyring(current, [retired]);
    expect(ring.all().map((entry) => entry.status)).toEqual(['current', 'retired']);
    expect(ring.find(retired.keyId)).toEqual({ key: retired, status: 'retired' });
    expect(ring.find('0000000000000000')).toBeUndefined();
  });
});
