/**
 * The forty-second session: a discretion or a judgement in a later clause of its own ("…, and the CPC may contact Police
 * Scotland", "…, and will decide whether to report to the police") leaves the family's telling before it a duty.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const told = ['concerns.routes.contact-attempt.tell'];

describe('a later clause’s discretion is that clause’s', () => {
  it('"Parents will be informed, and the CPC may contact Police Scotland"', () => {
    const text =
      'Someone the child does not know contacts them online. This is treated as a child protection concern. Tell the CPC immediately. Parents will be informed, and the CPC may contact Police Scotland.';
    expect(proposals(text)).toHaveProperty(told, ['carers']);
  });

  it('"The DSL will speak to the child’s parents, and will decide whether to report to the police"', () => {
    const text =
      "If an adult the child does not know has contacted them online, tell the DSL the same day. The DSL will speak to the child's parents or carers, and will decide whether to report to the police.";
    expect(proposals(text)).toHaveProperty(told, ['carers']);
  });

  it('the police, in the later clause the DSL decides on, are not told', () => {
    const text =
      "If an adult the child does not know has contacted them online, tell the DSL the same day. The DSL will speak to the child's parents or carers, and will decide whether to report to the police.";
    expect((proposals(text)[told[0]] as string[] | undefined) ?? []).not.toContain('police');
  });

  it('a judgement over the telling itself still leaves it unkeyed: "Parents will be informed unless this would put the child at risk"', () => {
    const text =
      'If an adult the child does not know has contacted them online, tell the DSL the same day. Parents will be informed unless this would put the child at risk.';
    expect(proposals(text)).not.toHaveProperty(told);
  });
});
