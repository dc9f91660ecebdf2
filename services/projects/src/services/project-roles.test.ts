import { leavesNoOwner, roleAtLeast } from './project-roles';

describe('project roles', () => {
  it('rank owner above editor above viewer', () => {
    expect(roleAtLeast('owner', 'owner')).toBe(true);
    expect(roleAtLeast('owner', 'editor')).toBe(true);
    expect(roleAtLeast('editor', 'viewer')).toBe(true);
    expect(roleAtLeast('editor', 'owner')).toBe(false);
    expect(roleAtLeast('viewer', 'editor')).toBe(false);
  });
});

describe('the last-owner rule', () => {
  it('refuses to demote or remove the only owner', () => {
    expect(leavesNoOwner(1, 'owner', 'editor')).toBe(true);
    expect(leavesNoOwner(1, 'owner', undefined)).toBe(true);
  });

  it('lets an owner go when another owner remains', () => {
    expect(leavesNoOwner(2, 'owner', 'viewer')).toBe(false);
    expect(leavesNoOwner(2, 'owner', undefined)).toBe(false);
  });

  it('never concerns changes that keep the owner an owner, or members who are not owners', () => {
    expect(leavesNoOwner(1, 'owner', 'owner')).toBe(false);
    expect(leavesNoOwner(1, 'editor', undefined)).toBe(false);
    expect(leavesNoOwner(1, 'viewer', 'owner')).toBe(false);
  });
});
