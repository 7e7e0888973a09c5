import { describe, expect, it } from 'vitest';
import { findPeople, nameMatches, pickerFrom } from './picker.ts';

describe('finding people by name', () => {
  it.each([
    ['Oliver Patel', 'oli', true],
    ['Oliver Patel', 'pat ol', true],
    ['Oliver Patel', 'liver', false],
    ["Isla O'Neill", 'oneill', true],
    ['Siân Ó Súilleabháin', 'sian o su', true],
    ['Mary-Jane Watts', 'jane', true],
    ['Oliver Patel', '   ', false],
  ])('%s, typed “%s”: %s', (name, typed, expected) => expect(nameMatches(name, typed)).toBe(expected));

  const people = [
    { id: 'a', name: 'Amelia Clarke', group: 'Year 3 Hazel' },
    { id: 'b', name: 'Oliver Patel', group: 'Year 3 Hazel' },
    { id: 'c', name: 'Amir Shah', group: 'Year 4 Oak' },
  ];

  it('leaves out the chosen, and a class alone lists the class', () => {
    expect(findPeople(people, new Set(['a']), 'am', '').map((p) => p.id)).toEqual(['c']);
    expect(findPeople(people, new Set(), '', 'Year 3 Hazel').map((p) => p.id)).toEqual(['a', 'b']);
    expect(findPeople(people, new Set(), '', '')).toEqual([]);
  });

  it('“choose everyone in the class” ticks the class; a class the list does not have is ignored', () => {
    const picker = pickerFrom('pupils', people, { chooseGroup: 'pupils', 'pupils-group': 'Year 3 Hazel', pupils: 'c' });
    expect(picker.chosen.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(pickerFrom('pupils', people, { find: 'pupils', 'pupils-group': 'Year 9 Nowhere' }).results).toEqual([]);
  });
});
