// Public surface of answer/: the answer chain and its result types.
export { answerExtractive, answerOptions, createAnswerChain, REFUSAL_EN, REFUSAL_ZH, type AnswerInput, type AnswerOptions } from './answer-chain.js';
export { answerResultSchema, citationSchema, type AnswerResult, type Citation, type Retrieved, type Turn } from './types.js';
export { AnswerAbortedError, createAnswerService, type AnswerService, type AskInput, type ServedAnswer, type Timings } from './answer-service.js';
export { condenseQuestion } from './condense-question.js';
export { createChatModel } from './llm-answer.js';
export { verifyAnswer, isGrounded } from './verify-answer.js';
