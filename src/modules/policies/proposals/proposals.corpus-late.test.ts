import { describe, expect, it } from 'vitest';
import { corpus, readsWithQuotes } from '../../../../test/helpers/policy-corpus.ts';

/** The later sessions' blind sets (session 17 on), read as proposals.corpus.test.ts reads the rest, in a worker of its own. */
describe('every stored policy text of the later sessions', () => {
  const files = corpus('late');

  it('is found (sessions 17–19 hold 315 texts)', () => expect(files.length).toBeGreaterThanOrEqual(315));

  it.each(files)('%s reads, with each proposal quoting a line of the file', (_name, path) => readsWithQuotes(path));
});
