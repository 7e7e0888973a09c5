import { describe, expect, it } from 'vitest';
import { corpus, readsWithQuotes } from '../../../../test/helpers/policy-corpus.ts';
import { proposals } from '../../../../test/helpers/proposals.ts';

/**
 * Every policy text the repository holds (seeds, held-out pages, the whole policies written for the tests) is read
 * without an error, and each proposal quotes a sentence on a line the file has. A policy nobody has seen must never
 * turn the policy page into an error: the first blind set of session 15 did, on "The incident should be logged on
 * CPOMS within 24 hours."
 */
describe('every stored policy text (seeds, held-out, sessions 14–16; the later sessions in proposals.corpus-late.test.ts)', () => {
  const files = corpus('early');

  it('is found (the corpus is not empty)', () => expect(files.length).toBeGreaterThan(50));

  it.each(files)('%s reads, with each proposal quoting a line of the file', (_name, path) => readsWithQuotes(path));
});

describe('a time to record with no one told in the sentence', () => {
  it('reads the kind from the sentence before and the time from its own', () => {
    expect(
      proposals(
        'Online bullying\n\nOnline bullying between students should be reported to the Head of Year. The incident should be logged on CPOMS within 24 hours.',
      ),
    ).toMatchObject({ 'concerns.routes.cyber-bullying.deadline': '24-hours' });
  });
});
