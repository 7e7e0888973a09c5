import type { NotifyClient } from 'notifications-node-client';
import type { Config } from '../../config.ts';

export interface TextSender {
  send(phone: string, body: string, reference: string): Promise<void>;
}

/** Whether text messages can be sent: GOV.UK Notify's key and the template they go through. */
export const textsReady = (config: Config): boolean => Boolean(config.notifyApiKey && config.notifySmsTemplateId);

/**
 * Texts through GOV.UK Notify (state schools may use it), with its own client. The template's one
 * placeholder is ((body)); the reference is our recipient row, so Notify's records can be matched.
 * The client (and the HTTP library under it) is loaded with the first text, not at start.
 */
export function notifyTextSender(config: Config): TextSender | null {
  const { notifyApiKey, notifyBaseUrl, notifySmsTemplateId: templateId } = config;
  if (!notifyApiKey || !templateId) return null;
  let client: Promise<NotifyClient> | null = null;
  return {
    async send(phone, body, reference) {
      // A failed load is forgotten, so the next text tries again instead of failing the same way until restart.
      client ??= import('notifications-node-client')
        .then(({ default: notify }) => new notify.NotifyClient(notifyBaseUrl, notifyApiKey))
        .catch((error: unknown) => {
          client = null;
          throw error;
        });
      await (await client).sendSms(templateId, phone, { personalisation: { body }, reference });
    },
  };
}

/** What Notify said when it refused, in a line (its errors carry a list of messages). */
export function notifyError(error: unknown): string {
  const data = (error as { response?: { status?: number; data?: { errors?: { message?: string }[] } } })?.response;
  if (data?.data?.errors?.length) return `${data.status ?? ''} ${data.data.errors.map((e) => e.message ?? '').join('; ')}`.trim();
  return error instanceof Error ? error.message : String(error);
}
