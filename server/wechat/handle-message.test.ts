import { describe, expect, it } from 'vitest';
import { createAnswerService, REFUSAL_ZH } from '../../answer/index.js';
import { buildTestIndex } from '../../test-support/test-index.js';
import { formatAnswerReply } from './format-reply.js';
import { createMessageHandler } from './handle-message.js';
import type { Delivery } from './reply-scheduler.js';
import { createFakeAnswer, fakeResult } from './test-support/fake-answer.js';
import { TEXT_ONLY_TEXT, WELCOME_TEXT } from './texts.js';

function setup() {
  const fake = createFakeAnswer(1);
  const deliveries: Delivery[] = [];
  const handle = createMessageHandler({
    answer: fake.answer,
    reply: (d) => {
      deliveries.push(d);
      return d.produce();
    },
  });
  const signal = new AbortController().signal;
  const run = (fields: Record<string, string>) =>
    handle(new Map(Object.entries({ ToUserName: 'gh_a', FromUserName: 'OPENID', CreateTime: '1700000000', ...fields })), signal);
  return { fake, deliveries, run };
}

describe('createMessageHandler', () => {
  it('answers text through the scheduler keyed by MsgId, trimming the question', async () => {
    const { fake, deliveries, run } = setup();
    expect(await run({ MsgType: 'text', Content: '  高平生猪 \n', MsgId: '9223372036854775807' })).toBe(
      formatAnswerReply(fakeResult('高平生猪')),
    );
    expect(deliveries.map((d) => [d.key, d.user])).toEqual([['id:9223372036854775807', 'OPENID']]);
    expect(fake.calls).toEqual(['高平生猪']);
  });

  it('welcomes an empty question instead of asking the pipeline', async () => {
    const { fake, run } = setup();
    expect(await run({ MsgType: 'text', Content: '   ', MsgId: '1' })).toBe(WELCOME_TEXT);
    expect(fake.calls).toEqual([]);
  });

  it('declines other message types, keyed by sender and time when MsgId is missing', async () => {
    const { deliveries, run } = setup();
    expect(await run({ MsgType: 'shortvideo', MediaId: 'm' })).toBe(TEXT_ONLY_TEXT);
    expect(deliveries[0]?.key).toBe('at:OPENID:1700000000:shortvideo');
  });

  it('welcomes subscribe events and ignores the others without the scheduler', async () => {
    const { deliveries, run } = setup();
    expect(await run({ MsgType: 'event', Event: 'subscribe' })).toBe(WELCOME_TEXT);
    expect(await run({ MsgType: 'event', Event: 'SCAN' })).toBeUndefined();
    expect(deliveries).toEqual([]);
  });

  it('rejects a message without sender or type', async () => {
    const { run } = setup();
    await expect(run({ FromUserName: '' , MsgType: 'text' })).rejects.toMatchObject({ code: 'malformed_body' });
  });
});

describe('createMessageHandler over the real answer service', () => {
  it('answers 你好 with the short intro, on one phone screen, not a refusal', async () => {
    const { settings, searcher } = await buildTestIndex();
    const service = createAnswerService(searcher, settings);
    const handle = createMessageHandler({ answer: (q) => service.ask({ question: q }), reply: (d) => d.produce() });
    const fields = new Map(Object.entries({ ToUserName: 'gh_a', FromUserName: 'OPENID', MsgType: 'text', Content: '你好', MsgId: '7' }));
    const text = (await handle(fields, new AbortController().signal))!;
    expect(text).toMatch(/^您好！我根据新闻报道回答关于晋城9个专业镇/);
    expect(text).not.toContain(REFUSAL_ZH);
    expect(text).not.toContain('来源');
    expect(text.split('\n').length).toBeLessThanOrEqual(7); // about 12 lines of 18 characters on a 390 px wide phone
    expect([...text].length).toBeLessThanOrEqual(200);
  });
});
