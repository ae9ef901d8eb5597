import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MergerEntry, parseMergerCsv } from './merger-plan';

/** A reorganisation of the provincial map shipped as reference data (reference/reorganisations.json). */
export interface ReorganisationRecord {
  effectiveFrom: string;
  legalBasis: string;
  entries: MergerEntry[];
}

const REFERENCE_DIR = join(__dirname, 'reference');

/** The reorganisations a fresh install applies at start-up, oldest first. */
export function readReorganisations(dir = REFERENCE_DIR): ReorganisationRecord[] {
  const records: Array<{ effectiveFrom: string; legalBasis: string; mapping: string }> = JSON.parse(readFileSync(join(dir, 'reorganisations.json'), 'utf8'));
  return records
    .map((record) => ({
      effectiveFrom: record.effectiveFrom,
      legalBasis: record.legalBasis.normalize('NFC'),
      entries: parseMergerCsv(readFileSync(join(dir, record.mapping), 'utf8')),
    }))
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}
