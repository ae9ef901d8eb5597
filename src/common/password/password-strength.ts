import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { unprocessable } from '../app-error';
import { foldDiacritics } from '../fold-diacritics';
import { VIETNAMESE_DICTIONARIES } from './vietnamese-password-words';
import { ZXCVBN_VIETNAMESE } from './zxcvbn-vietnamese';

/** zxcvbn's scale: 3 is "safely unguessable: moderate protection from an offline slow-hash attack". */
export const MIN_PASSWORD_SCORE = 3;

export interface PasswordAssessment {
  acceptable: boolean;
  /** 0 (too guessable) to 4 (very unguessable). */
  score: number;
  /** Why it is refused and what would help, in Vietnamese; empty when acceptable. */
  reason: string;
}

let zxcvbn: ZxcvbnFactory | undefined;

// Built on first use: ranking the dictionaries takes a few hundred milliseconds. (Levenshtein
// matching stays off: it costs about ten times more per password and the dictionaries suffice.)
const checker = () =>
  (zxcvbn ??= new ZxcvbnFactory({
    translations: ZXCVBN_VIETNAMESE,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary, ...VIETNAMESE_DICTIONARIES },
  }));

const withoutDiacritics = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/** The parts of an e-mail address and a name that a password must not be built from. */
export function personalWords(...texts: Array<string | null | undefined>): string[] {
  return texts
    .filter((text): text is string => Boolean(text))
    .flatMap((text) => {
      const folded = foldDiacritics(text);
      return [folded, folded.replace(/[^a-z0-9]/g, ''), ...folded.split('@'), ...folded.split(/[^a-z0-9]+/)];
    })
    .filter((word) => word.length >= 3);
}

/**
 * Rates a password with zxcvbn-ts (common passwords, English and Vietnamese words, names, keyboard
 * patterns, dates, sequences and the user's own details). Vietnamese typed with diacritics is also
 * rated without them, as an attacker's list would spell it; the weaker rating counts.
 */
export function assessPassword(password: string, userInputs: string[] = []): PasswordAssessment {
  const candidates = [...new Set([password, withoutDiacritics(password)])];
  const results = candidates.map((candidate) => checker().check(candidate, userInputs));
  const weakest = results.reduce((a, b) => (b.score < a.score ? b : a));
  if (weakest.score >= MIN_PASSWORD_SCORE) return { acceptable: true, score: weakest.score, reason: '' };
  const advice = [weakest.feedback.warning, ...weakest.feedback.suggestions].filter(Boolean).join(' ');
  return {
    acceptable: false,
    score: weakest.score,
    reason: `Mật khẩu quá dễ đoán (có thể bị dò ra trong ${weakest.crackTimes.offlineSlowHashingXPerSecond.display}).${advice ? ` ${advice}` : ''} Hãy dùng một cụm nhiều từ ít gặp.`,
  };
}

/** Refuses a guessable password with a 422 problem naming the field and why. */
export function assertStrongPassword(password: string, userInputs: string[]): void {
  const { acceptable, reason } = assessPassword(password, userInputs);
  if (!acceptable) throw unprocessable('weak_password', reason, [{ field: 'password', code: 'weak_password', message: `password: ${reason}` }]);
}
