// Public surface of answer/: the answer chain and its result types.
export { answerExtractive, answerOptions, createAnswerChain, REFUSAL_EN, REFUSAL_ZH, type AnswerInput, type AnswerOptions } from './answer-chain.js';
export { answerResultSchema, citationSchema, type AnswerResult, type Citation, type Retrieved, type Turn } from './types.js';
