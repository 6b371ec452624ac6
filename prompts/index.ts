// Public surface of prompts/: templates and renderers for the LLM answer mode.
export { answerPrompt, condensePrompt, LLM_NO_ANSWER_EN, LLM_NO_ANSWER_ZH, renderHistory, renderSources, type PromptSource } from './answer-prompts.js';
