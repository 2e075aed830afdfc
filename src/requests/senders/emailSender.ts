import nodemailer from 'nodemailer';
import type { OutboxSender } from './sendOutcome';

export interface SmtpOptions {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS is used when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  /** The sender, e.g. `Eastmere District Council <no-reply@eastmere.example>`. */
  from: string;
}

/** Sends email messages through the council's SMTP server (nodemailer); SMTP errors are failed attempts. */
export function createEmailSender(options: SmtpOptions): { send: OutboxSender; close(): void } {
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure,
    auth: options.user ? { user: options.user, pass: options.password ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    send: async (message) => {
      try {
        await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject ?? '',
          text: message.body,
          messageId: `<${message._id.replace(/[^A-Za-z0-9.-]/g, '-')}@council-assistant>`,
        });
        return { ok: true };
      } catch (error) {
        return { ok: false, problem: describeSmtpError(error) };
      }
    },
    close: () => transport.close(),
  };
}

function describeSmtpError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const code: unknown = Reflect.get(error, 'code');
    const responseCode: unknown = Reflect.get(error, 'responseCode');
    if (typeof responseCode === 'number') return `SMTP ${responseCode}`;
    if (typeof code === 'string') return code;
  }
  return 'SMTP error';
}
