// What the writer makes of QuestDB's answers to a send: a 4xx is a refusal at once (QuestDB's own
// words kept), anything else is retried and then QuestDB out of reach; a refused read during a
// write counts as out of reach, not as a refusal of the records.

import type { SenderTransport } from '@questdb/nodejs-client';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../store/index.js';
import { isRefusal, readFailure, refusalText, sendWithRetries } from '../../../store/writer/send.js';

/** A transport whose sends fail with the given messages in turn, then succeed. */
function transport(failures: string[]) {
  const sent: Buffer[] = [];
  const t = {
    send: async (bytes: Buffer) => {
      const failure = failures.shift();
      if (failure !== undefined) throw new Error(failure);
      sent.push(bytes);
      return true;
    },
  } as unknown as SenderTransport;
  return { t, sent };
}

describe('refusalText', () => {
  it('takes the message of QuestDB’s JSON answer, else the whole text', () => {
    expect(
      refusalText(
        'HTTP request failed, statusCode=400, error={"code":"invalid","message":"cast error","line":1}',
      ),
    ).toBe('cast error');
    expect(refusalText('statusCode=400, error={not json}')).toBe('statusCode=400, error={not json}');
    expect(refusalText('socket hang up')).toBe('socket hang up');
  });
});

describe('sendWithRetries', () => {
  it('sends the bytes', async () => {
    const { t, sent } = transport([]);
    let failed = 0;
    await sendWithRetries(t, Buffer.from('x'), () => failed++);
    expect(sent).toEqual([Buffer.from('x')]);
    expect(failed).toBe(0);
  });

  it('answers a 4xx as a refusal, without retrying', async () => {
    const { t, sent } = transport(['statusCode=400, error={"message":"bad value"}']);
    let failed = 0;
    const err = await sendWithRetries(t, Buffer.from('x'), () => failed++).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ kind: 'rejected', message: 'QuestDB refused it: bad value' });
    expect(isRefusal(err)).toBe(true);
    expect(failed).toBe(1);
    expect(sent).toEqual([]);
  });

  it('retries other failures, then gives up as unreachable', async () => {
    const retried = transport(['ECONNREFUSED', 'statusCode=503']);
    await sendWithRetries(retried.t, Buffer.from('y'), () => undefined);
    expect(retried.sent).toEqual([Buffer.from('y')]);

    const { t } = transport(['ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED']);
    let failed = 0;
    const err = await sendWithRetries(t, Buffer.from('x'), () => failed++).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'unreachable', message: 'ILP write failed: ECONNREFUSED' });
    expect(isRefusal(err)).toBe(false);
    expect(failed).toBe(3);
  });
});

describe('readFailure', () => {
  it('turns a refused read into QuestDB out of reach, and leaves other errors as they are', () => {
    const refused = new StoreError('rejected', 'table busy');
    expect(readFailure(refused)).toMatchObject({
      kind: 'unreachable',
      message: 'a read the write needs failed: table busy',
      cause: refused,
    });
    const other = new Error('boom');
    expect(readFailure(other)).toBe(other);
  });
});
