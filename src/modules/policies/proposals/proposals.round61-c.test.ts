/**
 * The forty-seventh session. Families told after the staff member first speaks to those involved: "…will speak to those
 * involved, normally within two school days, and will let the parents of the pupils involved know what is happening" tells
 * the carers about online bullying, as "…will let the parents know" does.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('families told after speaking to those involved', () => {
  it.each([
    'Online bullying: the Head of Year will speak to those involved, normally within two school days of the report, and will let parents/carers of the pupils involved know what is happening.',
    'Cyberbullying: the class teacher will speak to everyone involved and will let the parents of the children involved know.',
    'Online bullying: the form tutor will speak to those involved and will inform their parents.',
  ])('%s → carers told', (text) => {
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.tell'], ['carers']);
  });

  it.each([
    // Speaking to those involved is no telling of anyone outside the staff.
    'Online bullying: the Head of Year will speak to those involved.',
    // Nor a telling that may happen.
    'Online bullying: the Head of Year will speak to those involved and may let their parents know.',
    // Nor parents let do something else: "…will let parents who would like to know more attend a workshop".
    'Online bullying: the school will let parents who would like to know more attend a workshop.',
  ])('nothing from: %s', (text) => {
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.cyber-bullying.tell']);
  });
});
