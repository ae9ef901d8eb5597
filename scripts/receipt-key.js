#!/usr/bin/env node
// Receipt signing keys (Ed25519). `node scripts/receipt-key.js` prints a new RECEIPT_SIGNING_KEY;
// with RECEIPT_SIGNING_KEY set in the environment it prints that key's public key instead, which
// goes into RECEIPT_RETIRED_PUBLIC_KEYS when the key is replaced (see SECURITY.md, "Receipt keys").
'use strict';
const { createHash, createPrivateKey, createPublicKey, randomBytes } = require('node:crypto');

const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const given = process.env.RECEIPT_SIGNING_KEY;
const seed = given ? Buffer.from(given, 'base64') : randomBytes(32);
if (seed.length !== 32) {
  console.error('RECEIPT_SIGNING_KEY must be the base64 of 32 bytes');
  process.exit(2);
}
const spki = createPublicKey(createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' })).export({ format: 'der', type: 'spki' });
if (!given) console.log(`RECEIPT_SIGNING_KEY=${seed.toString('base64')}`);
console.log(`public key (for RECEIPT_RETIRED_PUBLIC_KEYS once replaced): ${spki.subarray(-32).toString('base64')}`);
console.log(`key id: ${createHash('sha256').update(spki).digest('hex').slice(0, 16)}`);
