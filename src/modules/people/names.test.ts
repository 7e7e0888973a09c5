import { describe, expect, it } from 'vitest';
import { byName, familySortKey } from './names.ts';

const person = (given_name: string, family_name: string) => ({ given_name, family_name });
const names = (list: { given_name: string; family_name: string }[]) => byName(list).map((p) => `${p.given_name} ${p.family_name}`);

describe('names sort as people expect', () => {
  it('files by family name, then given name, ignoring accents and the case of particles', () => {
    expect(
      names([
        person('Zoe', 'Rees'),
        person('Dafydd', 'ap Rhys'),
        person('Siobhán', 'Ó Súilleabháin'),
        person('Amy', 'Owen'),
        person('Mark', 'Oakes'),
        person('Lena', 'van Dijk'),
        person('Jan', 'Van Dijk'),
        person('Émile', 'Zola'),
        person('Ada', 'zola'),
        person('Bea', 'Adams'),
      ]),
    ).toEqual([
      'Bea Adams',
      'Mark Oakes',
      'Siobhán Ó Súilleabháin',
      'Amy Owen',
      'Zoe Rees',
      'Dafydd ap Rhys',
      'Jan Van Dijk',
      'Lena van Dijk',
      'Ada zola',
      'Émile Zola',
    ]);
  });

  it.each([
    ['ap Rhys', 'Rhys'],
    ['Ab Owain', 'Owain'],
    ['Ó Súilleabháin', 'Ó Súilleabháin'],
    ['Apley', 'Apley'],
  ])('sorts %s under %s', (family, key) => {
    expect(familySortKey(family)).toBe(key);
  });
});
