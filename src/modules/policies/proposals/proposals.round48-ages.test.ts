/**
 * The thirty-fourth session's reading of the sites' minimum age: the terms stated as a fact, then the pupils said to be
 * under it or held to it ("None of our pupils is old enough", "The school expects pupils to respect…"), and a wrapped
 * line whose number finishes the words above it ("…a minimum age of" / "13. We will not…").
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';
import { policyLines } from './text.lines.ts';

const age = 'ageLimits.socialMediaMinimumAge';
const page = (...paragraphs: string[]) => ['Social Media Policy', '', '6. Pupils and social media', '', ...paragraphs].join('\n');

describe('the sites’ terms, then the pupils said to be under the age', () => {
  it.each([
    'Most social networking apps, such as Snapchat and TikTok, set a minimum age of 13. All of our children are under this age.',
    'Nearly all social media platforms have a minimum age of 13. Pupils at Oakbrook are all below that age.',
    'Most social media services require users to be at least 13. None of our pupils is old enough.',
    'Facebook, Instagram and TikTok have a minimum age of 13. Nobody in our junior school is old enough, and pupils must not use these apps.',
  ])('%s', (paragraph) => {
    expect(proposals(page(paragraph))).toHaveProperty([age], 13);
  });

  it.each([
    'Most social media platforms have a minimum age of 13. The Academy expects students to respect the age limits set by each platform.',
    'Many social media apps set a minimum age of 13. All our Sixth Form students are over that age, but we still expect them to follow the platforms’ terms.',
    'Most social media services set a minimum age of 13 in their terms of service. The School expects these age limits to be respected.',
  ])('held to the terms: %s', (paragraph) => {
    expect(proposals(page(paragraph))).toHaveProperty([age], 13);
  });
});

describe('the pupils too young, then advice to families: no rule of the school’s', () => {
  it.each([
    'Most social media sites require users to be at least 13. None of our pupils is old enough, and we would rather they were not on these sites.',
    'Most social media apps have a minimum age of 13. None of our children are old enough to have an account and we would strongly advise parents not to set one up.',
    'Most social media apps have a minimum age of 13. None of our pupils is old enough. We strongly advise that primary school children do not have accounts.',
  ])('%s', (paragraph) => {
    expect(proposals(page(paragraph))).not.toHaveProperty([age]);
  });

  it.each([
    'Most social media platforms have a minimum age of 13. Most of our pupils are under 13, but many already have accounts, so we teach them how to use privacy settings.',
    'Most social media platforms have a minimum age of 13. Children who are under this age and use them anyway are more likely to meet harmful content.',
  ])('the pupils’ ages described, with no rule: %s', (paragraph) => {
    expect(proposals(page(paragraph))).not.toHaveProperty([age]);
  });

  it('the school asking its pupils not to open accounts is no advice to families', () => {
    const paragraph = 'Most social media platforms have a minimum age of 13. All of our pupils are under this age, and we ask that they do not open accounts.';
    expect(proposals(page(paragraph))).toHaveProperty([age], 13);
  });

  it('the terms alone, with the school saying nothing of its pupils, settle nothing', () => {
    expect(proposals(page('Most social media platforms have a minimum age of 13. We teach pupils how to report a post.'))).not.toHaveProperty([age]);
  });
});

describe('a wrapped line whose number finishes the words above it', () => {
  it('"…a minimum age of" then "13. We will not help…" is one sentence and the rule after it', () => {
    const text = page(
      'Pupils learn about the risks of chat in games. Most social media platforms have a minimum age of',
      '13. We will not help a pupil under 13 to open an account, and will talk with parents if we become',
      'aware of one.',
    );
    expect(proposals(text)).toHaveProperty([age], 13);
  });

  it('the wrapped number is kept as words of the line, not read as an item', () => {
    const wrapped = policyLines(
      ['Most social media platforms have a minimum age of', '13. We will not help a pupil under 13 to open an account.'].join('\n'),
    )[1];
    expect(wrapped.continuesAbove).toBe(true);
    expect(wrapped.text).toMatch(/^13\. We will not help/);
  });

  it.each([
    ['a list’s “; and”', ['When a pupil reports online bullying, staff must:', '1. reassure the pupil; and', '2. tell the DSL the same day.']],
    ['the next item of a numbered list', ['When a pupil reports online bullying, staff must:', '1. reassure the pupil and', '2. tell the DSL the same day.']],
    ['a clause number', ['Pupils are taught about the risks of chat in games and', '4.2 Photographs of pupils are only taken on school devices.']],
  ])('a numbered line after %s is still numbered', (_case, lines) => {
    const numbered = policyLines(lines.join('\n')).at(-1)!;
    expect(numbered.continuesAbove).toBe(false);
    expect(numbered.text).not.toMatch(/^\d/);
  });

  it('the item after "; and" keeps its list’s scenario', () => {
    const text = [
      'Online safety',
      '',
      'When a pupil reports online bullying, staff must:',
      '1. reassure the pupil; and',
      '2. tell the DSL the same day; and',
      '3. record it on CPOMS.',
    ];
    expect(proposals(text.join('\n'))).toHaveProperty(['concerns.routes.cyber-bullying.notify'], ['dsl']);
  });
});
