// A message asking several questions at once ("泽州有几家铸造企业？其中有商标的有几家？"): its questions
// told apart, a later one read with the first one's subject, and their answers joined into one.
import { setsAgainst } from './parse-question.js';
import type { AnswerResult, Citation } from './types.js';

/** Where a Chinese question's asking starts: its subject is what comes before. */
const ASKING_START = /什么|哪|谁|多少|几|怎么|怎样|如何|为什么|为啥|何时|啥|是否|是不是|有没有/;
/** Words that make a part of a message ask something: those, a yes/no ending, an English question opening. */
const ASKING = new RegExp(`${ASKING_START.source}|吗|呢|\\b(?:what|which|who|how|when|where|why|is|are|does|do|did|was|were|has|have|can)\\b`, 'i');
/** A later question comparing with what came before: 跟吉利尔的比哪个贵, 比陵川高吗. */
const SETS_AGAINST_EARLIER = /^(?:跟|和|与|同|较)|(?<!百分|占)比(?![重例率])/;
/** A part shorter than this (without its question mark) is not a question of its own (好吗？, 是吗？). */
const MIN_PART_CHARS = 4;

/**
 * The questions of a message, in order: the parts ending in a question mark that ask something.
 * A part that asks nothing (听说沁水投了一大笔钱？) is read with the part after it, and a part too
 * short to be a question with the part before it. One element (the message) when it asks one question,
 * or when a later question sets something against an earlier one.
 */
export function splitQuestions(message: string): string[] {
  const segments = message.split(/(?<=[？?])/).map((s) => s.trim()).filter(Boolean);
  const parts: string[] = [];
  let carried = '';
  for (const segment of segments) {
    const text = carried + segment;
    const bare = segment.replace(/[？?]/g, '');
    // (…and so is one with no question mark after a question: 涉及哪些大类？文中点名的那几类.)
    const unmarked = !/[？?]$/.test(segment);
    if (([...bare].length < MIN_PART_CHARS || unmarked) && parts.length > 0) (parts[parts.length - 1] += text), (carried = '');
    else if (ASKING.test(bare)) (parts.push(text), (carried = ''));
    else carried = text;
  }
  if (carried) parts.length ? (parts[parts.length - 1] += carried) : parts.push(carried);
  // (A later question setting something against the first's answer, 跟泽州比谁多？, is one question with it.)
  return parts.length > 1 && !parts.slice(1).some((p) => setsAgainst(p) || SETS_AGAINST_EARLIER.test(p)) ? parts : [message];
}

/**
 * A later question of a message as asked on its own: when it names no town, the first question's
 * subject (its words before the question word: 泽州现在有几家铸造企业 → 泽州现在有) is put in front,
 * or, when the first question opens with its question word, the towns it names.
 */
export function withSubject(part: string, first: string, townsIn: (text: string) => string[]): string {
  if (townsIn(part).length > 0) return part;
  const asking = ASKING_START.exec(first);
  const subject = (asking ? first.slice(0, asking.index) : '').replace(/[，,、\s]+$/, '');
  if (subject) return `${subject}${part}`;
  const towns = townsIn(first);
  return towns.length ? `${towns.join('、')} ${part}` : part;
}

/** The citation numbers of one answer renumbered into the joined answer's, its passages cited once. */
function renumbered(citations: Citation[], joined: Citation[]): Map<number, number> {
  const numbers = new Map<number, number>();
  for (const c of citations) {
    const same = joined.find((j) => j.chunkId === c.chunkId);
    if (same) numbers.set(c.n, same.n);
    else {
      joined.push({ ...c, n: joined.length + 1 });
      numbers.set(c.n, joined.length);
    }
  }
  return numbers;
}

/**
 * One answer to a message from the answers to its questions, a line each, cited passages numbered
 * once across them. A question not answered says so under its own words, and the whole is then a
 * refusal (`refused`: the message is not answered in full), its answered parts shown.
 */
export function joinAnswers(message: string, parts: string[], answers: AnswerResult[]): AnswerResult {
  const citations: Citation[] = [];
  const lines: string[] = [];
  const facts: NonNullable<AnswerResult['facts']> = [];
  const retrieved: AnswerResult['retrieved'] = [];
  answers.forEach((a, i) => {
    const numbers = renumbered(a.citations, citations);
    const text = a.answer.replace(/\[(\d+)\]/g, (m, n: string) => (numbers.has(Number(n)) ? `[${numbers.get(Number(n))}]` : m));
    const line = a.refused && a.citations.length === 0 ? `${parts[i]!.replace(/[？?]$/, '')}：${text}` : text;
    // (Two questions answered by the same sentence say it once.)
    if (!lines.some((l) => l.includes(line))) lines.push(line);
    for (const f of a.facts ?? []) facts.push({ ...f, n: numbers.get(f.n) ?? f.n });
    for (const r of a.retrieved) if (!retrieved.some((x) => x.chunkId === r.chunkId)) retrieved.push(r);
  });
  return {
    question: message,
    answer: lines.join('\n'),
    refused: answers.some((a) => a.refused),
    mode: answers[0]!.mode,
    citations,
    retrieved,
    operation: [...new Set(answers.map((a) => a.operation ?? 'lookup'))].join('+'),
    facts,
    related: answers.flatMap((a) => a.related ?? []),
  };
}
