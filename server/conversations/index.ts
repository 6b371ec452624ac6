// Public surface of the conversation log: the log the server writes to, its stores and shapes.
export { createConversationLog, hashUserId, openConversationLog, openConversationStore, type AnswerEvent, type ConversationLog } from './conversation-log.js';
export { allEntries, feedbackItems, toJsonl, type FeedbackQaItem, type ReviewItem } from './feedback-items.js';
export { entriesToCsv } from './entries-csv.js';
export { createPostgresStore } from './postgres-store.js';
export { createSqliteStore } from './sqlite-store.js';
export { CHANNELS, RATINGS, type Channel, type ConversationStore, type LogEntry, type LogFilter, type LoggedAnswer, type Rating } from './types.js';
