import { COMMON_PASSWORD_COUNT, passwordPolicyIssues } from './password-policy';

describe('the password policy', () => {
  it('ships at least 10,000 common passwords and refuses them without regard to case', () => {
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThanOrEqual(10_000);
    expect(passwordPolicyIssues('PASSWORD', { email: 'a@b.co', name: 'A' })[0].code).toBe('common_password');
    expect(passwordPolicyIssues('sunshine', { email: 'a@b.co', name: 'A' })[0].code).toBe('common_password');
  });

  it('refuses all-whitespace passwords and ones equal to the email or name; accepts a passphrase', () => {
    expect(passwordPolicyIssues(' \t    \n ', { email: 'a@b.co', name: 'A' })[0].code).toBe('blank_password');
    expect(passwordPolicyIssues('carol.smith@example.com', { email: 'Carol.Smith@example.com', name: 'C' })[0].code).toBe('guessable_password');
    expect(passwordPolicyIssues('Carol Smithson', { email: 'c@example.com', name: 'carol smithson' })[0].code).toBe('guessable_password');
    expect(passwordPolicyIssues('correct horse battery', { email: 'c@example.com', name: 'Carol' })).toEqual([]);
  });
});
