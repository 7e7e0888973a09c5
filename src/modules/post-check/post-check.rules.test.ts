import { describe, expect, it } from 'vitest';
import { checkPost, schoolNameForms, whoAnswers, wordsFromText, type PostCheckInput } from './post-check.rules.ts';

const amelia = { id: 'a', givenName: 'Amelia', familyName: 'Clarke', preferredName: null };
const jack = { id: 'j', givenName: 'Jack', familyName: 'Clarke', preferredName: null };
const alex = { id: 'x', givenName: 'Alexander', familyName: 'Wright', preferredName: 'Alex' };
const base: PostCheckInput = {
  text: '',
  audience: 'personal',
  pupils: [amelia, jack, alex],
  tagged: [],
  hasPhoto: false,
  photoRefusals: [],
  negativeWords: ['awful', 'fed up with'],
  schoolName: 'John Clifford Primary School',
  classTitles: ['Year 3 Hazel', '3H'],
};
const run = (over: Partial<PostCheckInput>) => checkPost({ ...base, ...over });
const rules = (over: Partial<PostCheckInput>) => run(over).findings.map((f) => `${f.rule}:${f.excerpt}`);

describe('the post check (REG-5), by table', () => {
  it.each([
    ['Lovely weather for the weekend', 'personal', 'ok', []],
    ['Well done Amelia Clarke!', 'school-account', 'not-allowed', ['pupil-named:Amelia Clarke']],
    ['Well done amelia clarke!', 'school-account', 'not-allowed', ['pupil-named:amelia clarke']],
    // A given name alone is not a pupil named when the child is not in the photograph.
    ['Amelia Earhart would be proud', 'school-account', 'ok', []],
    ['Races in the wood', 'school-account', 'ok', []],
    ['Congratulations to Alex Wright', 'school-account', 'not-allowed', ['pupil-named:Alex Wright']],
    ['The Clarke family won', 'school-account', 'not-allowed', ['pupil-named:Clarke']],
    ['Great day at John Clifford', 'personal', 'not-allowed', ['identifies-school:John Clifford']],
    ['Great day at John Clifford', 'school-account', 'ok', []],
    ['Proud of 3H today', 'personal', 'not-allowed', ['identifies-school:3H']],
    ['What an awful day', 'personal', 'ask', ['negative-comment:awful']],
    ['Fed up with marking', 'personal', 'ask', ['negative-comment:Fed up with']],
    ['Parents DM me', 'personal', 'not-allowed', ['personal-contact:DM me']],
    ['Call 01632 960001', 'school-account', 'ask', ['personal-contact:01632 960001']],
    ['Call 01632 960001', 'personal', 'not-allowed', ['personal-contact:01632 960001']],
    ['A safeguarding matter today', 'personal', 'ask', ['confidential:safeguarding']],
  ] as const)('%s (%s) → %s', (text, audience, verdict, found) => {
    const result = run({ text, audience });
    expect(result.verdict).toBe(verdict);
    expect(result.findings.map((f) => `${f.rule}:${f.excerpt}`)).toEqual(found);
    for (const f of result.findings) expect(f.clause).toMatch(/^\d{3} /);
  });

  it('a child in the photograph is named by their given name too; a photograph never goes on a personal account', () => {
    expect(rules({ text: 'Go Amelia!', audience: 'school-account', tagged: [amelia], hasPhoto: true })).toEqual(['pupil-named:Amelia']);
    expect(rules({ text: 'Sports day', audience: 'personal', hasPhoto: true })).toEqual(['photo-on-personal-account:the attached photograph']);
    expect(run({ text: 'Sports day', audience: 'school-account', hasPhoto: true, photoRefusals: ['Amelia Clarke may not appear'] })).toMatchObject({
      verdict: 'not-allowed',
      findings: [{ rule: 'photo-check', excerpt: 'Amelia Clarke may not appear' }],
    });
  });

  it('the school name without “Primary School”; who answers; the word list from a text box', () => {
    expect(schoolNameForms('John Clifford Primary School')).toEqual(['John Clifford Primary School', 'John Clifford']);
    expect(schoolNameForms('Trent School')).toEqual(['Trent School', 'Trent']);
    expect(whoAnswers('me', 'boss', [{ id: 'head' }], [])).toEqual({ id: 'boss', why: 'line-manager' });
    expect(whoAnswers('me', null, [{ id: 'head' }], [])).toEqual({ id: 'head', why: 'headteacher' });
    expect(whoAnswers('head', null, [{ id: 'head' }], [{ id: 'dep' }])).toEqual({ id: 'dep', why: 'deputy-headteacher' });
    expect(whoAnswers('head', null, [{ id: 'head' }], [])).toBeNull();
    expect(wordsFromText(' awful\r\n\nAwful\nfed   up with\nx\n')).toEqual(['awful', 'fed up with']);
  });
});
