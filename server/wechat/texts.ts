// Fixed texts the channels send besides answers: welcome, decline, holding and failure notices.
import { REPLY_MAX_BYTES, truncateUtf8 } from './format-reply.js';

/** Reply to `subscribe` (and to an empty question): what the assistant does, with example questions. */
export const WELCOME_TEXT = [
  '欢迎关注！我可以回答关于晋城特色小镇的问题，回答会附上新闻报道中的原文出处。',
  '',
  '您可以这样问：',
  '· 泽州的山楂红酒有什么特色？',
  '· 高平的生猪养殖规模有多大？',
  '· 阳城的蚕桑产业发展得怎么样？',
  '· 沁水蜂蜜有哪些产品？',
].join('\n');

/** Reply to images, voice, location, links and other non-text messages. */
export const TEXT_ONLY_TEXT = '抱歉，目前只支持文字提问。请直接用文字发送您的问题，例如：泽州的山楂红酒有什么特色？';

/** Reply on WeChat's last attempt when the answer is still not ready (passive-only accounts). */
export const HOLDING_TEXT = '问题已收到，答案还在整理中。请稍等片刻后再发送任意一条消息（例如“1”），我会把答案发给您。';

/** Reply when the answer pipeline failed. */
export const FAILURE_TEXT = '抱歉，暂时无法回答这个问题，请稍后再试。';

/** An answer held back from an earlier message, delivered as the reply to the user's next message. */
export function heldAnswerText(answerText: string): string {
  return truncateUtf8(`【您上一个问题的回答】如有新问题，请再发送一次。\n\n${answerText}`, REPLY_MAX_BYTES);
}
