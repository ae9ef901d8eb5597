import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ReceiptSigner } from '../../src/receipts/receipt-signer';
import { ADMIN, officerBefore2025Merger, REVIEWER, startTestApp, type TestApp, unitIdsByCode } from '../support/app';
import { overrideEnv } from '../support/env-override';
import { FakeClock } from '../support/fake-clock';
import { createTestObligation } from '../support/obligations';
import { csv } from '../support/report-files';

const CODE = 'AN-NINH-KHOA-BIEN-NHAN';
const HEADER = ['Chỉ tiêu', 'Số lượng'];

describe('Receipt signing keys: rotation keeps old receipts verifiable', () => {
  const oldSeed = randomBytes(32).toString('base64');
  const newSeed = randomBytes(32).toString('base64');
  const oldKey = new ReceiptSigner(Buffer.from(oldSeed, 'base64'));
  const newKey = new ReceiptSigner(Buffer.from(newSeed, 'base64'));
  const clock = new FakeClock(new Date('2025-01-20T03:00:00Z'));

  /** The application as configured for one phase of the key's life; closed by `run`. */
  const run = async <T>(env: Record<string, string | undefined>, work: (t: TestApp) => Promise<T>): Promise<T> => {
    const restore = overrideEnv(env);
    const t = await startTestApp('api', { clock });
    try {
      return await work(t);
    } finally {
      await t.close();
      restore();
    }
  };

  const submit = async (t: TestApp, unit: string) => {
    const units = await unitIdsByCode(t, '2024-12-31');
    const base = `/api/v1/obligations/${CODE}/periods/2024-Y/units/${units[unit]}/submission`;
    const token = await t.tokenFor(officerBefore2025Merger(unit));
    expect((await t.http().post(`${base}/versions`).set('authorization', token).attach('file', csv([HEADER, ['Bưu cục', 3]]), 'a.csv')).status).toBe(201);
    const submitted = await t.http().post(`${base}/submit`).set('authorization', token).send({});
    expect(submitted.status).toBe(200);
    return submitted.body.receipt as { id: string; content: Record<string, unknown>; hash: string; signature: string; keyId: string };
  };
  const verify = async (t: TestApp, id: string) => (await t.http().get(`/api/v1/receipts/${id}/verify`).set('authorization', await t.tokenFor(REVIEWER))).body;

  it('verifies a receipt signed before a rotation with the retired key, signs new ones with the new key, and lists both', async () => {
    const old = await run({ RECEIPT_SIGNING_KEY: oldSeed, RECEIPT_RETIRED_PUBLIC_KEYS: undefined }, async (t) => {
      await createTestObligation(t, { code: CODE, title: 'Báo cáo thử nghiệm khoá biên nhận' });
      const schema = await t
        .http()
        .post(`/api/v1/obligations/${CODE}/schemas`)
        .set('authorization', await t.tokenFor(ADMIN))
        .send({
          effectiveFrom: '2017-01-01',
          definition: { fields: [{ key: 'chi_tieu', label: HEADER[0], type: 'text', required: true }, { key: 'so_luong', label: HEADER[1], type: 'integer', required: true }] },
        });
      expect(schema.status).toBe(201);
      const receipt = await submit(t, '02');
      expect(receipt.keyId).toBe(oldKey.keyId);
      expect(await verify(t, receipt.id)).toEqual({ valid: true, hashMatches: true, signatureValid: true, keyId: oldKey.keyId, keyStatus: 'current' });
      return receipt;
    });

    // Rotation: a new signing key; the old one's public key (as the API published it) goes to the retired list.
    await run({ RECEIPT_SIGNING_KEY: newSeed, RECEIPT_RETIRED_PUBLIC_KEYS: `${oldKey.publicKeyBase64()}` }, async (t) => {
      expect(await verify(t, old.id)).toEqual({ valid: true, hashMatches: true, signatureValid: true, keyId: oldKey.keyId, keyStatus: 'retired' });
      const document = await t.http().post('/api/v1/receipts/verify').set('authorization', await t.tokenFor(officerBefore2025Merger('02'))).send({ content: old.content, hash: old.hash, signature: old.signature });
      expect(document.body).toMatchObject({ valid: true, keyId: oldKey.keyId, keyStatus: 'retired' });
      const printed = await t.http().get(`/api/v1/receipts/${old.id}/print`).set('authorization', await t.tokenFor(officerBefore2025Merger('02')));
      expect(printed.text).toContain(oldKey.publicKeyPem().split('\n')[1]);

      const fresh = await submit(t, '04');
      expect(fresh.keyId).toBe(newKey.keyId);
      expect(await verify(t, fresh.id)).toMatchObject({ valid: true, keyId: newKey.keyId, keyStatus: 'current' });

      const keys = await t.http().get('/api/v1/receipts/public-key').set('authorization', await t.tokenFor(officerBefore2025Merger('04')));
      expect(keys.body).toMatchObject({ keyId: newKey.keyId, publicKey: newKey.publicKeyBase64(), status: 'current' });
      expect(keys.body.keys).toEqual([
        { keyId: newKey.keyId, publicKeyPem: newKey.publicKeyPem(), publicKey: newKey.publicKeyBase64(), status: 'current' },
        { keyId: oldKey.keyId, publicKeyPem: oldKey.publicKeyPem(), publicKey: oldKey.publicKeyBase64(), status: 'retired' },
      ]);
      // A signature by the retired key over altered content is still refused.
      const forged = await t.http().post('/api/v1/receipts/verify').set('authorization', await t.tokenFor(REVIEWER)).send({ content: { ...old.content, onTime: false }, hash: old.hash, signature: old.signature });
      expect(forged.body).toMatchObject({ valid: false, hashMatches: false });
    });

    // Without the retired key configured, the old receipt can no longer be vouched for.
    await run({ RECEIPT_SIGNING_KEY: newSeed, RECEIPT_RETIRED_PUBLIC_KEYS: undefined }, async (t) => {
      expect(await verify(t, old.id)).toEqual({ valid: false, hashMatches: true, signatureValid: false, keyId: oldKey.keyId, keyStatus: 'unknown' });
    });
  });

  it('prints, with scripts/receipt-key.js, a new signing key, and the public key and id of a given one for the retired list', () => {
    const script = join(__dirname, '..', '..', 'scripts', 'receipt-key.js');
    const given = execFileSync(process.execPath, [script], { env: { RECEIPT_SIGNING_KEY: oldSeed } }).toString();
    expect(given).toBe(`public key (for RECEIPT_RETIRED_PUBLIC_KEYS once replaced): ${oldKey.publicKeyBase64()}\nkey id: ${oldKey.keyId}\n`);
    const fresh = /^RECEIPT_SIGNING_KEY=(\S+)\npublic key [^:]+: (\S+)\n/.exec(execFileSync(process.execPath, [script], { env: {} }).toString());
    expect(new ReceiptSigner(Buffer.from(fresh?.[1] ?? '', 'base64')).publicKeyBase64()).toBe(fresh?.[2]);
  });
});
