// Turns an authenticated callback message into reply text: answers, welcome, declines or no reply.
import type { AnswerResult } from '../../answer/types.js';
import { WechatRequestError } from './errors.js';
import { formatAnswerReply } from './format-reply.js';
import type { Delivery } from './reply-scheduler.js';
import { FAILURE_TEXT, TEXT_ONLY_TEXT, WELCOME_TEXT } from './texts.js';

/** The decrypted message fields every reply needs. */
interface Addressing {
  /** Our account (gh_… or CorpID); the reply's FromUserName. */
  toUser: string;
  /** The sender; the reply's ToUserName. */
  fromUser: string;
}

/** Reads the sender and recipient, throwing 'malformed_body' when a required field is missing. */
export function readAddressing(fields: ReadonlyMap<string, string>): Addressing {
  const toUser = fields.get('ToUserName');
  const fromUser = fields.get('FromUserName');
  if (!toUser || !fromUser || !fields.get('MsgType')) {
    throw new WechatRequestError('malformed_body', 'missing ToUserName, FromUserName or MsgType');
  }
  return { toUser, fromUser };
}

/**
 * Creates the message handler of a channel. It resolves with the text to reply, or undefined for
 * no reply: `subscribe` gets the welcome, other events nothing; text is answered by `answer`
 * (formatted with its sources), other message types get a polite decline. Messages (not events)
 * go through `reply`, which de-duplicates by MsgId and applies the timing strategy.
 */
export function createMessageHandler(deps: {
  answer: (question: string, user: string) => Promise<AnswerResult>;
  reply: (delivery: Delivery) => Promise<string | undefined>;
}): (fields: ReadonlyMap<string, string>, signal: AbortSignal) => Promise<string | undefined> {
  async function answerText(question: string, user: string): Promise<string> {
    if (question === '') return WELCOME_TEXT;
    const text = formatAnswerReply(await deps.answer(question, user));
    return text === '' ? FAILURE_TEXT : text;
  }

  return async (fields, signal) => {
    const { fromUser } = readAddressing(fields);
    const msgType = fields.get('MsgType');
    if (msgType === 'event') return fields.get('Event') === 'subscribe' ? WELCOME_TEXT : undefined;
    const msgId = fields.get('MsgId');
    const key = msgId ? `id:${msgId}` : `at:${fromUser}:${fields.get('CreateTime') ?? ''}:${msgType}`;
    const question = (fields.get('Content') ?? '').trim();
    const produce = msgType === 'text' ? () => answerText(question, fromUser) : async () => TEXT_ONLY_TEXT;
    return deps.reply({ key, user: fromUser, produce, signal });
  };
}
