// Tests of the LLM prompt templates and the source and history renderers.
import { describe, expect, it } from 'vitest';
import { answerPrompt, condensePrompt, LLM_NO_ANSWER_EN, LLM_NO_ANSWER_ZH, renderAnalysis, renderHistory, renderSources } from './answer-prompts.js';

describe('renderSources', () => {
  it('renders "[n]《title》text" paragraphs', () => {
    expect(
      renderSources([
        { n: 1, title: '泽州山楂红酒：打造“泽州红”品牌优势', text: '泽州山楂栽培历史已有300多年。' },
        { n: 2, title: '高平生猪', text: '生猪出栏85万头。\n居全省第一。' },
      ]),
    ).toBe('[1]《泽州山楂红酒：打造“泽州红”品牌优势》泽州山楂栽培历史已有300多年。\n\n[2]《高平生猪》生猪出栏85万头。\n居全省第一。');
  });

  it('renders nothing for no sources', () => {
    expect(renderSources([])).toBe('');
  });
});

describe('renderHistory', () => {
  it('renders one "role: content" line per turn', () => {
    expect(renderHistory([{ role: 'user', content: '高平生猪出栏多少？' }, { role: 'assistant', content: '85万头。' }])).toBe('user: 高平生猪出栏多少？\nassistant: 85万头。');
    expect(renderHistory([])).toBe('');
  });
});

describe('answerPrompt', () => {
  it('renders the system rules and the numbered sources with the question', async () => {
    const sources = renderSources([{ n: 1, title: '高平生猪', text: '生猪出栏85万头。' }]);
    const messages = await answerPrompt.formatMessages({ sources, question: '高平生猪出栏多少？', analysis: renderAnalysis('lookup', [{ source: 1, text: '85万头', attribute: '生猪出栏' }]) });
    expect(messages.map((m) => m.getType())).toEqual(['system', 'human']);
    const system = String(messages[0]!.content);
    expect(system.startsWith('你是晋城市专业镇（特色小镇）资料问答助手。只能依据用户给出的编号资料回答')).toBe(true);
    expect(system).toContain('1. 每一句回答后面用 [n] 标注它依据的资料编号，n 必须是给出的编号之一。');
    expect(system).toContain('2. 数字、单位、名称必须与资料原文一致。');
    expect(system).toContain(`3. 如果资料中没有问题的答案，只回答“${LLM_NO_ANSWER_ZH}”（英文提问则回答 "${LLM_NO_ANSWER_EN}"），不要加任何引用。`);
    expect(system).toContain('4. 用提问所用的语言回答，简洁，一到三句话；先说答案本身（数字、时间、名称），再说依据。');
    expect(system).toContain('5. 比较、相差、合计等计算只能用资料中的数字');
    expect(messages[1]!.content).toBe('资料：\n[1]《高平生猪》生猪出栏85万头。\n\n问题类型：lookup\n资料中的相关事实：\n[1] 生猪出栏：85万头\n\n问题：高平生猪出栏多少？');
  });

  it('inserts braces in the sources and question literally', async () => {
    const messages = await answerPrompt.formatMessages({ sources: '[1]《a》{question} {x}', question: '{sources}？', analysis: '' });
    expect(messages[1]!.content).toBe('资料：\n[1]《a》{question} {x}\n\n问题：{sources}？');
  });

  it('needs its three variables', async () => {
    expect(answerPrompt.inputVariables.sort()).toEqual(['analysis', 'question', 'sources']);
    await expect(answerPrompt.formatMessages({ sources: 'x', analysis: '' })).rejects.toThrow(/question/);
  });
});

describe('condensePrompt', () => {
  it('renders the rewrite instruction and the conversation', async () => {
    const messages = await condensePrompt.formatMessages({ history: 'user: 高平生猪出栏多少？', question: '那屠宰了多少头呢？' });
    expect(messages.map((m) => m.getType())).toEqual(['system', 'human']);
    expect(messages[0]!.content).toBe(
      'Rewrite the follow-up question as one standalone question that keeps its original language and meaning, filling in the town or subject it refers to from the conversation. Reply with the question only.',
    );
    expect(messages[1]!.content).toBe('Conversation:\nuser: 高平生猪出栏多少？\n\nFollow-up question: 那屠宰了多少头呢？');
  });
});

describe('no-answer replies', () => {
  it('are fixed sentences', () => {
    expect(LLM_NO_ANSWER_ZH).toBe('资料中没有相关信息。');
    expect(LLM_NO_ANSWER_EN).toBe('The sources do not contain this information.');
  });
});

describe('renderAnalysis', () => {
  it('lists the operation and the facts with their source numbers, or nothing', async () => {
    const { renderAnalysis } = await import('./answer-prompts.js');
    expect(renderAnalysis('difference', [{ source: 2, text: '85万头', attribute: '生猪出栏' }])).toBe('问题类型：difference\n资料中的相关事实：\n[2] 生猪出栏：85万头\n\n');
    expect(renderAnalysis('', [])).toBe('');
  });
});
