import type { RosterPackage, RosterResult } from '../../src/modules/people/oneroster/oneroster.parse.ts';

/** The package a OneRoster parse accepted; fails the test with the problems if it was refused. */
export function roster(result: RosterResult): RosterPackage {
  if (!result.ok) throw new Error(`expected the package to be accepted, got:\n${result.problems.join('\n')}`);
  return result.roster;
}

/** The problems a OneRoster parse refused a package with; fails the test if it was accepted. */
export function problems(result: RosterResult): string[] {
  if (result.ok) throw new Error('expected the package to be refused');
  return result.problems;
}
