/**
 * The thirty-second session's reading of hard-wrapped numbered clauses: a full-width line that ends a sentence runs on into
 * the next line of the same clause when the text parts its paragraphs by blank lines ("3.4 If a member of staff needs a
 * website unblocked for teaching, they should ask the Headteacher." then "The Headteacher decides, and…").
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

/** Ten wrapped lines of filler at the width the clause below is wrapped at, so the text reads as hard-wrapped. */
const filler = [
  '3.1 Children only use the internet in school when an adult is with them, and in the Nursery and',
  'Reception classes this is usually an adult sitting beside the child or with a small group of them.',
  '',
  '3.2 Our internet connection is filtered through the service our IT support company provides, and',
  'the filtering is checked each term by the School Business Manager, who keeps a note of each check.',
  '',
  '3.3 No filter is perfect, so staff should always watch a website or a video before showing it to the',
  'children, and YouTube is only ever played through the safe viewer that the school has set up for it.',
  '',
  '3.3a Pupils learn about staying safe online in computing lessons and in PSHE, and every class joins in',
  'with Safer Internet Day each February, with a special assembly led by the pupils of the digital team.',
  '',
  '3.3b Families are sent a short guide to the apps and games their children talk about most each term,',
  'written by the Computing Lead with help from the pupils, and it is also kept on the school website.',
  '',
];

describe('a wrapped numbered clause whose line ends a sentence', () => {
  it('runs on into the next line of the clause', () => {
    const text = [
      ...filler,
      '3.4 If a member of staff needs a website unblocked for teaching, they should ask the Head Teacher.',
      'The Head Teacher decides, and the School Business Manager then asks the IT company to make the',
      'change. If a site should be blocked, tell the School Business Manager straight away.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['decisions.unblock'], ['headteacher']);
  });

  it('a clause that starts on the next line is a paragraph of its own', () => {
    const text = [
      ...filler,
      '3.4 If a member of staff needs a website unblocked for teaching, they should ask the Head Teacher.',
      '3.5 The Head Teacher decides, and the School Business Manager then asks the IT company to make the',
      'change. If a site should be blocked, tell the School Business Manager straight away.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['decisions.unblock']);
  });
});
