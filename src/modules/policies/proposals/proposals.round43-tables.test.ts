/**
 * The twenty-ninth session's readings of incident tables: a column "Who deals with it" (or "Dealt with by", "Who receives
 * it") names who is told of each kind of incident; a table of sanctions with such a column ("Behaviour | Usual response |
 * Who deals with it") names who disciplines, and is not read.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('an incident table whose column says who deals with it', () => {
  it.each(['Who deals with it', 'Dealt with by', 'Who handles it', 'Who receives it'])('"%s"', (column) => {
    const text = [
      'Responding to incidents',
      '',
      `Incident\t${column}\tPossible action`,
      'Pupil accessing unsuitable website by accident\tClass teacher\tReassure, record, report the site',
      'Pupil disclosing online grooming or contact from an adult\tDSL only\tChild protection procedures',
      'Parent posting offensive comments about staff online\tHeadteacher\tMeeting with the parent',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['class-teacher']);
    expect(found).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
    expect(found).toHaveProperty(['concerns.routes.disparaging-content.notify'], ['headteacher']);
  });

  it('a piped table the same way', () => {
    const text = ['| Concern | Who deals with it |', '|---|---|', "| A member of staff's behaviour towards a child online | The Headteacher |"].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
  });
});

describe('a table of sanctions', () => {
  it.each([
    ['Behaviour', 'Usual response', 'Who deals with it'],
    ['Behaviour', 'First time', 'Repeated', 'Who deals with it'],
    ['Misuse', 'Sanction', 'Dealt with by'],
  ])('%s | %s | … is who disciplines, not who is told', (...header) => {
    const cells = (row: string[]) => `| ${row.join(' | ')} |`;
    const filler = header.slice(1, -1).map(() => 'Detention');
    const text = [
      cells(header),
      cells(header.map(() => '---')),
      cells(['Attempting to bypass the filter with a VPN', ...filler, 'Network Manager and Head of Year']),
      cells(['Offensive comments about staff online', ...filler, 'Deputy Head']),
    ].join('\n');
    const found = proposals(text);
    expect(found).not.toHaveProperty(['concerns.routes.filter-circumvention.notify']);
    expect(found).not.toHaveProperty(['concerns.routes.disparaging-content.notify']);
  });
});
