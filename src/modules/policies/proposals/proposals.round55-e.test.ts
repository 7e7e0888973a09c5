/**
 * The forty-first session: who decides about the web filter, in other words: a stand-in in brackets, a narrower category's
 * second approval, a dash before someone who may not decide alone, the clause whose subject decides, and a check the
 * opening waits for.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const unblock = 'decisions.unblock';
const block = 'decisions.blockedContentRequests';

describe('who decides about the filter, in other words', () => {
  it('"Only the DSL (or in her absence the Headteacher) can approve a change to what is filtered": the DSL', () => {
    const text = 'Only the DSL (or in her absence the Headteacher) can approve a change to what is filtered; the Network Manager makes the change.';
    const found = proposals(text);
    expect(found).toHaveProperty([unblock], ['dsl']);
    expect(found).toHaveProperty([block], ['dsl']);
  });

  it('a second approval for sites "in the social networking, chat or gaming categories" leaves the head’s decision', () => {
    const text = [
      'Requests to unblock a website',
      '',
      'The Head of School decides whether to approve the request; if approved, the online safety lead raises a ticket with the IT provider.',
      '',
      'Requests to unblock sites in the social networking, chat or gaming categories must be approved by the Trust DSL as well as the Head of School.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty([unblock], ['headteacher']);
  });

  it('"Changes to the filtering categories themselves are decided by the Trust’s Head of IT" leaves the DSL’s decision', () => {
    const text = [
      'Any change to what pupils can access must be agreed by the DSL before it is made, and is logged.',
      "Changes to the filtering categories themselves are decided by the Trust's Head of IT in consultation with the DSLs of each academy.",
    ].join(' ');
    const found = proposals(text);
    expect(found).toHaveProperty([unblock], ['dsl']);
    expect(found).toHaveProperty([block], ['dsl']);
  });

  it('"Requests to unblock a site are decided by the DSL - the Network Manager cannot unblock a category on their own"', () => {
    const text = 'Requests to unblock a site are decided by the DSL - the Network Manager cannot unblock a category on their own.';
    expect(proposals(text)).toHaveProperty([unblock], ['dsl']);
  });

  it('"…go to IT Services via the Head of House; the Network Manager decides, referring anything doubtful to the DSL"', () => {
    const text =
      'Requests to unblock a site (for study) go to IT Services via the Head of House; the Network Manager decides, referring anything doubtful to the DSL.';
    expect(proposals(text)).toHaveProperty([unblock], ['ict-lead']);
  });

  it('"…class teacher fills in the form; the DSL approves (or the Headteacher if the DSL is away); IT make the change"', () => {
    const text =
      'Requests to unblock a site: class teacher fills in the form on the staff SharePoint; the DSL approves (or the Headteacher if the DSL is away); Trust IT make the change within 2 working days.';
    expect(proposals(text)).toHaveProperty([unblock], ['dsl']);
  });

  it('"A teacher who needs a site unblocked should ask the DSL; the DSL decides with the Head and asks Group IT": both', () => {
    const text = 'A teacher who needs a site unblocked should ask the DSL at least 2 days before; the DSL decides with the Head and asks Group IT.';
    expect(proposals(text)).toHaveProperty([unblock], ['dsl', 'headteacher']);
  });

  it('"Requests are checked by the DSL before a site is unblocked"', () => {
    const text = 'Ask the class teacher, who can send a request to the IT helpdesk. Requests are checked by the DSL before a site is unblocked.';
    expect(proposals(text)).toHaveProperty([unblock], ['dsl']);
  });

  it('a technician carrying out the change is still no decider: "…; the technician makes the change"', () => {
    const text = 'Requests to unblock a site go to the office; the technician makes the change the same week.';
    expect(proposals(text)).not.toHaveProperty([unblock]);
  });

  it('"Students who need a blocked website … Requests are decided by the Deputy Headteacher": the request is to unblock', () => {
    const text =
      'Students who need a blocked website for coursework should ask their teacher, who will pass the request to the IT Network Manager. Requests are decided by the Deputy Headteacher.';
    expect(proposals(text)).toHaveProperty([unblock], ['deputy-headteacher']);
  });

  it('"The Depute Head Teacher … considers each request and decides whether the school will support it"', () => {
    const text = [
      'A member of staff who needs access to a blocked website for teaching should complete the request form on the staff SharePoint.',
      'The Depute Head Teacher (Digital Learning and Wellbeing) considers each request and decides whether the school will support it.',
    ].join(' ');
    expect(proposals(text)).toHaveProperty([unblock], ['deputy-headteacher']);
  });

  it('a site wanted "unblocked (or blocked)", then "The request must be approved by the DSL": both ways', () => {
    const text = [
      'A member of staff who wants a site unblocked (or blocked) completes the Filtering Change Request form on the staff SharePoint.',
      'The request must be approved by the DSL (or, in her absence, a deputy DSL) before the IT provider makes the change.',
    ].join(' ');
    const found = proposals(text);
    expect(found).toHaveProperty([unblock], ['dsl']);
    expect(found).toHaveProperty([block], ['dsl']);
  });

  it('"Changes can only be made with the DSL’s agreement" under a paragraph about the filter', () => {
    const text = [
      'Web filtering',
      '',
      "The filter is run by the trust's IT service. Requests to block or unblock a site go to the DSL. Changes can only be made with the DSL's agreement (or, in the DSL's absence, a Head of School) and must be logged.",
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty([unblock], ['dsl']);
    expect(found).toHaveProperty([block], ['dsl']);
  });

  it('a check before the approval is not the decision: "…checked by the IT technician … and must be approved by the Headteacher"', () => {
    const text = 'Requests are checked by the IT technician before a site is unblocked, and must be approved by the Headteacher.';
    expect(proposals(text)).toHaveProperty([unblock], ['headteacher']);
  });

  it('one who advises does not decide: "…; the DSL decides with advice from the IT manager"', () => {
    const text = 'Requests to unblock a site go to the office; the DSL decides with advice from the IT manager.';
    expect(proposals(text)).toHaveProperty([unblock], ['dsl']);
  });
});
