// What the answer service knows about its corpus besides search: its towns, bylines, small-talk replies, follow-ups.
import type { Chunk } from '../ingest/index.js';
import type { Pause } from '../index/index.js';
import { followUpCandidates, suggestFollowUps } from './follow-ups.js';
import { isMostlyLatin } from './question-terms.js';
import { detectSmallTalk, exampleQuestions, smallTalkReply } from './small-talk.js';
import type { AnswerResult, Citation } from './types.js';

export type CorpusGuide = {
  /** The towns of the corpus, in the order their articles appear. */
  towns: string[];
  /** A finished reply when `question` is a greeting, thanks or a request for help; else null. */
  smallTalk(question: string): AnswerResult | null;
  /** The citation with its article's author and page heading. */
  withByline(citation: Citation): Citation;
  /** Follow-up questions about the towns an answer cited, each one the corpus answers. */
  followUps(question: string, citations: Citation[]): Promise<string[]>;
  /**
   * Checks the towns' candidate follow-ups now (the warm-up), in town order, instead of on the first
   * answer citing each town; stops starting towns once performance.now() passes `until` (the rest stay lazy).
   * With `pause`, checks one candidate at a time and awaits it after each (see slicePause).
   */
  checkFollowUps(until?: number, pause?: Pause): Promise<void>;
};

/**
 * Builds the guide of an index's chunks. `answerable` tells whether the corpus answers a question
 * (without refusing); each town's candidate follow-ups are checked with it once, on first use.
 */
export function corpusGuide(chunks: Chunk[], answerable: (question: string) => Promise<boolean>): CorpusGuide {
  const byId = new Map(chunks.map((c) => [c.id, c]));
  const townTexts = new Map<string, string>();
  for (const c of chunks) if (c.meta.town) townTexts.set(c.meta.town, (townTexts.get(c.meta.town) ?? '') + c.text);
  const towns = [...townTexts.keys()];
  const examples = exampleQuestions(towns);
  const checked = new Map<string, Promise<string[]>>();
  const oneByOne = async (questions: string[], pause: Pause): Promise<boolean[]> => {
    const ok: boolean[] = [];
    for (const q of questions) {
      ok.push(await answerable(q));
      await pause();
    }
    return ok;
  };
  const candidates = (town: string, pause?: Pause): Promise<string[]> => {
    let list = checked.get(town);
    if (!list) {
      const all = followUpCandidates(town, townTexts.get(town) ?? '');
      list = (pause ? oneByOne(all, pause) : Promise.all(all.map(answerable))).then((ok) => all.filter((_, i) => ok[i]));
      checked.set(town, list);
    }
    return list;
  };

  return {
    towns,
    smallTalk(question) {
      const kind = detectSmallTalk(question);
      if (!kind) return null;
      const answer = smallTalkReply(kind, towns, examples, isMostlyLatin(question));
      return { question, answer, refused: false, mode: 'extractive', citations: [], retrieved: [], smallTalk: true, followUps: examples };
    },
    withByline(citation) {
      const meta = byId.get(citation.chunkId)?.meta;
      return meta ? Object.assign({}, citation, { author: meta.author, section: meta.section }) : citation;
    },
    async followUps(question, citations) {
      const cited = [...new Set(citations.map((c) => c.town).filter((t) => townTexts.has(t)))];
      const lists = new Map(await Promise.all(cited.map(async (t) => [t, await candidates(t)] as const)));
      return suggestFollowUps(question, cited, (t) => lists.get(t) ?? []);
    },
    async checkFollowUps(until = Infinity, pause) {
      for (const town of towns) {
        if (performance.now() > until) return;
        await candidates(town, pause);
      }
    },
  };
}
