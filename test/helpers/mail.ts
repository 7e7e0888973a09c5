import { unsealMailBody } from '../../src/platform/mail/sealed.ts';

/**
 * The text that will reach the recipient, as the delivery job builds it: personal links are kept
 * in the outbox only sealed, so tests that follow a link read it the way the mail server gets it.
 */
export const deliveredText = (mail: { body_text: string; sealed_body: string | null }): string =>
  mail.sealed_body === null ? mail.body_text : unsealMailBody(mail.sealed_body);
