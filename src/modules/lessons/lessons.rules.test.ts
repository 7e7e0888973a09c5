import { describe, expect, it } from 'vitest';
import { coverageByYearGroup, recordsForAnyClass, topicsFromText } from './lessons.rules.ts';

describe('e-safety lessons (AGR-5)', () => {
  it('counts each year group’s lessons and topics, and names the classes not yet taught', () => {
    const classes = [
      { id: 'h', title: 'Year 3 Hazel', year_group: 3 },
      { id: 'b', title: 'Year 3 Birch', year_group: 3 },
      { id: 'o', title: 'Year 4 Oak', year_group: 4 },
    ];
    const lessons = [
      { class_id: 'h', subject: 'computing', topic: 'SMART rules', taught_on: '2026-10-01' },
      { class_id: 'h', subject: 'pshe', topic: 'Kind words online', taught_on: '2026-11-05' },
      { class_id: 'o', subject: 'assembly', topic: 'SMART rules', taught_on: '2026-09-20' },
    ];
    const [year3, year4] = coverageByYearGroup(classes, lessons);
    expect(year3).toMatchObject({
      yearGroup: 3,
      lessons: 2,
      bySubject: { computing: 1, pshe: 1, assembly: 0 },
      topics: ['Kind words online', 'SMART rules'],
      untaught: ['Year 3 Birch'],
    });
    expect(year3.classes[0]).toEqual({ id: 'h', title: 'Year 3 Hazel', lessons: 2, lastTaughtOn: '2026-11-05' });
    expect(year4).toMatchObject({ lessons: 1, untaught: [] });
  });

  it('names the planned topics no class of a year group has been taught, matching a lesson’s topic in any case and spacing', () => {
    const classes = [
      { id: 'h', title: 'Year 3 Hazel', year_group: 3 },
      { id: 'o', title: 'Year 4 Oak', year_group: 4 },
    ];
    const lessons = [{ class_id: 'h', subject: 'computing', topic: ' cyber  BULLYING ', taught_on: '2026-10-01' }];
    const [year3, year4] = coverageByYearGroup(classes, lessons, ['Cyber bullying', 'Tell: telling an adult']);
    expect(year3.plannedMissing).toEqual(['Tell: telling an adult']);
    expect(year4.plannedMissing).toEqual(['Cyber bullying', 'Tell: telling an adult']);
    expect(coverageByYearGroup(classes, lessons)[0].plannedMissing).toEqual([]);
  });

  it('reads the head’s plan one topic a line, dropping blanks, one-letter lines and repeats', () => {
    expect(topicsFromText('Cyber bullying\r\n\n  SMART   rules \nx\ncyber BULLYING\n')).toEqual(['Cyber bullying', 'SMART rules']);
  });

  it('leaders and the ICT lead record for any class; a teacher only for their own', () => {
    expect(recordsForAnyClass(['ict-lead'])).toBe(true);
    expect(recordsForAnyClass(['teacher'])).toBe(false);
  });
});
