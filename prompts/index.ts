// Public surface of prompts/: templates and renderers for the LLM answer mode.
export { answerPrompt, condensePrompt, LLM_NO_ANSWER_EN, LLM_NO_ANSWER_ZH, renderAnalysis, renderHistory, renderSources, type PromptFact, type PromptSource } from './answer-prompts.js';
