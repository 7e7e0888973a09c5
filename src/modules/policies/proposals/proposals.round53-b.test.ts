/**
 * The thirty-ninth session's readings of what a concern is: getting round the filter said after the filter ("attempts to
 * get around it", "suspected bypassing"), "staff who notice this" under the heading that says what, contact from someone
 * who may harm a pupil, an adult stranger, and an adult met on a trip.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('getting round the filter, said after the filter', () => {
  it('"…any technical failure of the filter … and any pattern of attempts to get around it" reported to the DSL', () => {
    const text =
      'The Trust IT Manager will report to the DSL within one working day any technical failure of the filter or monitoring system and any pattern of attempts to get around it.';
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.filter-circumvention.notify'], ['dsl']);
    expect(found).toHaveProperty(['concerns.routes.filter-circumvention.deadline'], 'next-school-day');
  });

  it('"…reporting any failure or suspected bypassing of those systems to the DSL immediately"', () => {
    const text =
      'The Network Manager is responsible for the filtering and monitoring systems, and for reporting any failure or suspected bypassing of those systems to the DSL immediately.';
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.filter-circumvention.notify'], ['dsl']);
    expect(found).toHaveProperty(['concerns.routes.filter-circumvention.immediate'], true);
  });

  it('"…to get around it" with no filter before it is no such concern', () => {
    expect(proposals('If a pupil finds the homework hard and attempts to get around it, tell the class teacher.')).not.toHaveProperty([
      'concerns.routes.filter-circumvention.notify',
    ]);
  });
});

describe('"staff who notice this" under the heading that says what', () => {
  it('"When a pupil gets round the filter" over "Staff who notice this should … tell the DSL the same day"', () => {
    const text = [
      '### When a pupil gets round the filter',
      '',
      'Examples: using a VPN or proxy site; connecting a school device to a phone hotspot.',
      '',
      'Staff who notice this should stop the activity, take the device or ask the student to put their phone away, and tell the DSL the same day.',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.filter-circumvention.notify'], ['dsl']);
    expect(found).toHaveProperty(['concerns.routes.filter-circumvention.deadline'], 'same-day');
  });

  it('under a heading that names no concern, "staff who notice this" settles nothing', () => {
    const text = ['### Tidy classrooms', '', 'Staff who notice this should tell the Headteacher the same day.'].join('\n');
    expect(Object.keys(proposals(text)).filter((k) => k.startsWith('concerns.routes.'))).toEqual([]);
  });
});

describe('contact from someone who may harm a pupil', () => {
  it('"…to be in contact with someone who may harm them, tell the DSL"', () => {
    const text = 'Where a student is thought to be using a phone to be in contact with someone who may harm them, tell the DSL.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
  });

  it('"a safeguarding concern (e.g. contact from an adult stranger) goes to the DSL": the example\'s route too', () => {
    const text = 'Where there is a safeguarding concern (e.g. contact from an adult stranger) it goes to the DSL as in section 4.';
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
    expect(found).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });

  it('"an adult met on a visit has contacted a pupil online … reported to the DSL as a safeguarding concern": the contact\'s route', () => {
    const text =
      'If we find out that an adult met on a visit has contacted a pupil online afterwards (e.g. on Roblox or Snapchat) this is reported to the DSL as a safeguarding concern.';
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
    expect(found).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });

  it('"An adult met on the trip" who helps a pupil is no contact', () => {
    const text = 'An adult met on the trip may help a pupil with their bags; tell the trip leader.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.contact-attempt.notify']);
  });
});
