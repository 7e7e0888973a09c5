import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  /** The envelope sender: which instance sent it, when each has its own MAIL_FROM. */
  from: string;
  to: string;
  raw: string;
  at: number;
}

export interface SmtpOptions {
  /** Listen on this port (to bring a mail server "back up" where it was); 0 for any free port. */
  port?: number;
  /** Called when a message's data has arrived, before it is accepted: resolve to accept it (a slow server, or one held while its sender is killed). */
  beforeAccept?: (mail: Omit<ReceivedMail, 'at'>) => Promise<void>;
}

/** A real SMTP server on loopback that keeps what it receives, and can be told to refuse (450 for now, or 550 for good). */
export async function startSmtp(options: SmtpOptions = {}): Promise<{
  url: string;
  port: number;
  received: ReceivedMail[];
  refuse: (yes: boolean | 'permanently') => void;
  close(): Promise<void>;
}> {
  const received: ReceivedMail[] = [];
  let refusing: boolean | 'permanently' = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A sender killed mid-message never closes its connection: closing the server does not wait long for it.
    closeTimeout: 1000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refusing === 'permanently') return callback(Object.assign(new Error('No such mailbox here'), { responseCode: 550 }));
        if (refusing) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 450 }));
        const envelope = session.envelope;
        const mail = {
          from: envelope.mailFrom ? envelope.mailFrom.address : '',
          to: envelope.rcptTo.map((r) => r.address).join(','),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        void (options.beforeAccept ?? (async () => {}))(mail).then(() => {
          received.push({ ...mail, at: Date.now() });
          callback();
        });
      });
    },
  });
  // A killed sender leaves its connection half-way: that is the sender's problem, not the test's.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    refuse: (yes) => {
      refusing = yes;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
