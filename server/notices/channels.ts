// How a notice leaves: an HTTPS POST of the CloudEvent (structured mode), signed, or an e-mail
// over SMTP with the same event attached and signed in its headers. A channel answers whether
// the receiver acknowledged it (2xx; SMTP 250 after the message); it never retries itself.

import nodemailer, { type Transporter, type TransportOptions } from 'nodemailer';
import { CLOUDEVENTS_CONTENT_TYPE, emailText, eventBody } from '../../analytics/notices/index.js';
import {
  SIGNATURE_HEADER,
  sign,
  TIMESTAMP_HEADER,
  webhookUrlProblem,
} from '../../analytics/notices/index.js';
import type { Notice, Subscription } from '../../analytics/notices/index.js';

export const ATTEMPT_HEADER = 'X-Outage-Attempt';
export const SUBSCRIPTION_HEADER = 'X-Outage-Subscription';
/** Set on a re-send after an attempt whose outcome was never recorded (see the README). */
export const POSSIBLE_DUPLICATE_HEADER = 'X-Outage-Possible-Duplicate';

export interface SendContext {
  attempt: number;
  /** the previous attempt was cut off mid-flight: the receiver may have it already */
  possibleDuplicate: boolean;
  secret: string;
  /** epoch ms: the signature's timestamp */
  now: number;
  signal: AbortSignal;
}

export type SendOutcome =
  | { ok: true; code: number | null }
  | { ok: false; code: number | null; error: string };

export interface Sender {
  send(subscription: Subscription, notice: Notice, context: SendContext): Promise<SendOutcome>;
}

export class WebhookSender implements Sender {
  constructor(private readonly options: { allowHttp: boolean; timeoutMs: number }) {}

  async send(s: Subscription, n: Notice, c: SendContext): Promise<SendOutcome> {
    if (s.channel.type !== 'webhook') return { ok: false, code: null, error: 'not a webhook subscription' };
    const problem = webhookUrlProblem(s.channel.url, this.options.allowHttp);
    if (problem) return { ok: false, code: null, error: `url ${problem}` };
    const body = eventBody(n);
    const t = Math.floor(c.now / 1000);
    const headers: Record<string, string> = {
      'Content-Type': CLOUDEVENTS_CONTENT_TYPE,
      [TIMESTAMP_HEADER]: String(t),
      [SIGNATURE_HEADER]: sign(c.secret, t, body),
      [ATTEMPT_HEADER]: String(c.attempt),
      [SUBSCRIPTION_HEADER]: s.subscriptionId,
      'User-Agent': 'outage-analytics-notices/1',
    };
    if (c.possibleDuplicate) headers[POSSIBLE_DUPLICATE_HEADER] = 'true';
    try {
      const res = await fetch(s.channel.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.any([c.signal, AbortSignal.timeout(this.options.timeoutMs)]),
      });
      await res.body?.cancel();
      return res.status >= 200 && res.status < 300
        ? { ok: true, code: res.status }
        : { ok: false, code: res.status, error: `HTTP ${res.status}` };
    } catch (err) {
      if (c.signal.aborted) throw err;
      return { ok: false, code: null, error: describe(err) };
    }
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? err.message;
  }
  return String(err);
}

export interface EmailOptions {
  /** smtp://user:password@host:port or smtps://… */
  smtpUrl: string;
  from: string;
  timeoutMs: number;
}

/**
 * E-mail: the subject and text in Chinese and English, the CloudEvent attached as event.json,
 * and the same signature headers as a webhook over that attachment; Message-ID derived from the
 * notice and subscription, so a mailbox that sees one twice can tell.
 */
export class EmailSender implements Sender {
  private readonly transport: Transporter;

  constructor(private readonly options: EmailOptions) {
    this.transport = nodemailer.createTransport(options.smtpUrl, {
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
    } as TransportOptions);
  }

  async send(s: Subscription, n: Notice, c: SendContext): Promise<SendOutcome> {
    if (s.channel.type !== 'email') return { ok: false, code: null, error: 'not an e-mail subscription' };
    const body = eventBody(n);
    const t = Math.floor(c.now / 1000);
    const { subject, text } = emailText(n);
    const headers: Record<string, string> = {
      [TIMESTAMP_HEADER]: String(t),
      [SIGNATURE_HEADER]: sign(c.secret, t, body),
      [ATTEMPT_HEADER]: String(c.attempt),
      [SUBSCRIPTION_HEADER]: s.subscriptionId,
      'X-Outage-Event-Id': n.noticeId,
    };
    if (c.possibleDuplicate) headers[POSSIBLE_DUPLICATE_HEADER] = 'true';
    const sending = this.transport.sendMail({
      from: this.options.from,
      to: s.channel.to,
      subject,
      text,
      messageId: `<${n.noticeId}.${s.subscriptionId}@outage-notices.invalid>`,
      headers,
      attachments: [{ filename: 'event.json', content: body, contentType: 'application/cloudevents+json' }],
    });
    const aborted = new Promise<never>((_, reject) => {
      if (c.signal.aborted) reject(c.signal.reason);
      c.signal.addEventListener('abort', () => reject(c.signal.reason), { once: true });
    });
    try {
      const info = await Promise.race([sending, aborted]);
      const code = Number.parseInt(String(info.response ?? ''), 10);
      return { ok: true, code: Number.isFinite(code) ? code : null };
    } catch (err) {
      if (c.signal.aborted) throw err;
      const code = (err as { responseCode?: number }).responseCode;
      return { ok: false, code: code ?? null, error: describe(err) };
    } finally {
      sending.catch(() => undefined);
    }
  }

  close(): void {
    this.transport.close();
  }
}
