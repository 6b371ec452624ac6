// Prompt templates for the LLM answer mode: grounded answering with [n] citations, and question condensing.
import { ChatPromptTemplate } from '@langchain/core/prompts';

/** One numbered source as the prompt shows it. */
export type PromptSource = { n: number; title: string; text: string };

/** The text an LLM must answer with when the sources do not contain the answer. */
export const LLM_NO_ANSWER_ZH = '资料中没有相关信息。';
export const LLM_NO_ANSWER_EN = 'The sources do not contain this information.';

export const answerPrompt = ChatPromptTemplate.fromMessages([
  [
    'system',
    '你是晋城市专业镇（特色小镇）资料问答助手。只能依据用户给出的编号资料回答，不得使用资料以外的知识，不得编造数字、名称或事实。\n' +
      '规则：\n' +
      '1. 每一句回答后面用 [n] 标注它依据的资料编号，n 必须是给出的编号之一。\n' +
      '2. 数字、单位、名称必须与资料原文一致。\n' +
      `3. 如果资料中没有问题的答案，只回答“${LLM_NO_ANSWER_ZH}”（英文提问则回答 "${LLM_NO_ANSWER_EN}"），不要加任何引用。\n` +
      '4. 用提问所用的语言回答，简洁，一到三句话；先说答案本身（数字、时间、名称），再说依据。\n' +
      '5. 比较、相差、合计等计算只能用资料中的数字，并写出所用的数字和它们的编号。',
  ],
  ['human', '资料：\n{sources}\n\n{analysis}问题：{question}'],
]);

export const condensePrompt = ChatPromptTemplate.fromMessages([
  [
    'system',
    'Rewrite the follow-up question as one standalone question that keeps its original language and meaning, ' +
      'filling in the town or subject it refers to from the conversation. Reply with the question only.',
  ],
  ['human', 'Conversation:\n{history}\n\nFollow-up question: {question}'],
]);

/** A fact found in a source, as the prompt lists it. */
export type PromptFact = { source: number; text: string; attribute: string };

/**
 * The question's parse and the typed facts found in the sources, as a prompt block ending in a
 * blank line; "" when there is nothing to say.
 */
export function renderAnalysis(operation: string, facts: PromptFact[]): string {
  if (!operation && facts.length === 0) return '';
  const lines = [`问题类型：${operation || 'lookup'}`];
  if (facts.length) lines.push('资料中的相关事实：', ...facts.map((f) => `[${f.source}] ${f.attribute ? `${f.attribute}：` : ''}${f.text}`));
  return `${lines.join('\n')}\n\n`;
}

/** Renders numbered sources: "[n]《title》text", one per paragraph. */
export function renderSources(sources: PromptSource[]): string {
  return sources.map((s) => `[${s.n}]《${s.title}》${s.text}`).join('\n\n');
}

/** Renders earlier turns as "user: …" / "assistant: …" lines. */
export function renderHistory(turns: { role: string; content: string }[]): string {
  return turns.map((t) => `${t.role}: ${t.content}`).join('\n');
}
