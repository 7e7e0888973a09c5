/**
 * The thirty-seventh session's review dates (both dates on one header row with "Last review:" before "Next review:", and
 * a "full" review) and those outside the staff who are only mentioned beside a telling, not told.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('both review dates on one header row', () => {
  it('"Last review: July 2024   Next review: July 2025" is a yearly review', () => {
    expect(proposals('E-SAFETY POLICY\n\nLast review: July 2024        Next review: July 2025\n')).toHaveProperty(['policyReview.intervalMonths'], 12);
  });

  it('"Last full review: 18 September 2024   Next full review: September 2025 (…reviewed termly…)" is a yearly review', () => {
    const text = 'RISK REGISTER\n\nLast full review: 18 September 2024        Next full review: September 2025 (this section reviewed termly)\n';
    expect(proposals(text)).toHaveProperty(['policyReview.intervalMonths'], 12);
  });

  it('dates two and a half years apart on one row settle nothing', () => {
    expect(proposals('E-SAFETY POLICY\n\nLast review: January 2024        Next review: July 2026\n')).not.toHaveProperty(['policyReview.intervalMonths']);
  });
});

describe('those outside the staff who are only mentioned, not told', () => {
  it('"…inform the Trust DSL of any case referred to Children’s Social Care or the police" tells neither', () => {
    const text = 'Safeguarding concerns go to the DSL. The academy DSL will inform the Trust DSL of any case referred to Children’s Social Care or the police.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.tell']);
  });

  it('"The Trust Safeguarding Lead must be informed within 24 hours of any police involvement" tells no police', () => {
    const text = 'Any safeguarding concern is reported to the DSL. The Trust Safeguarding Lead must be informed within 24 hours of any police involvement.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.tell']);
  });

  it('"…tell their class teacher rather than contacting the other parents" tells no parents', () => {
    const text = 'If a pupil is bullied online by another pupil, staff will tell the class teacher rather than contacting the other parents.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.cyber-bullying.tell']);
  });

  it('"The DSL will inform the parents of the children involved" still tells them', () => {
    const text = 'Online bullying between pupils is reported to the DSL. The DSL will inform the parents of the children involved.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.tell'], ['carers']);
  });
});
