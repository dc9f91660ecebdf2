import { dictionary } from '@zxcvbn-ts/language-common';
import type { ValidationIssue } from '@architech/contracts';

/**
 * The most common passwords of public breach corpora (zxcvbn-ts's frequency-ranked list, about
 * 49,000 entries, shipped with this service as a dependency), lowercased: an attacker tries
 * these first, so NIST SP 800-63B §5.1.1.2 asks services to refuse them.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

/** How many common passwords the policy refuses (documented; a test checks it stays ≥ 10,000). */
export const COMMON_PASSWORD_COUNT = COMMON_PASSWORDS.size;

/**
 * What NIST SP 800-63B asks of a new password beyond its length (which the schema checks): it is
 * not all whitespace, not one of the commonly used or breached passwords (compared without case),
 * and not the account's own email or name. No composition rules (they do not help). Each problem
 * says why, so the user can pick a better one.
 */
export function passwordPolicyIssues(password: string, account: { email: string; name: string }): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const lowered = password.toLowerCase();
  if (password.trim() === '') {
    issues.push({ path: 'password', code: 'blank_password', message: 'a password of only spaces is guessed at once; use words or characters' });
  } else if (COMMON_PASSWORDS.has(lowered) || COMMON_PASSWORDS.has(lowered.trim())) {
    issues.push({ path: 'password', code: 'common_password', message: 'this is one of the most commonly used passwords, which attackers try first; choose a less common one (a few unrelated words work well)' });
  } else if (lowered === account.email.toLowerCase() || lowered === account.email.toLowerCase().split('@')[0] || lowered === account.name.trim().toLowerCase()) {
    issues.push({ path: 'password', code: 'guessable_password', message: 'a password equal to your email or name is guessed at once; choose another' });
  }
  return issues;
}
