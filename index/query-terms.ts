// Query understanding for retrieval: English→Chinese expansion through the lexicon, and town mentions.
import { foldForMatch } from '../ingest/normalize-text.js';
import type { Lexicon } from './lexicon/lexicon.js';
import { cutWords, namesAlone } from './tokenize.js';

/**
 * Adds the Chinese words standing for the question's English (Lexicon.expansionWords: the
 * overrides' and the corpus words among the translations), each once, to the question. A question
 * without Latin words, or whose English translates to none, is returned unchanged.
 */
export function expandQuery(question: string, lexicon: Pick<Lexicon, 'expansionWords'>): string {
  if (!/[a-z]/i.test(question)) return question;
  const added = lexicon.expansionWords(question);
  return added.length ? `${question} ${added.join(' ')}` : question;
}

/**
 * A town as the index knows it, with the words that name it in a question, and the characters of its industry that
 * name it too (猪 of 生猪: 养猪, 猪场).
 */
export type TownKey = { town: string; county: string; words: string[]; chars: string[] };

/** Naming words of a town: its industry's words of two or more characters, and the industry. */
export function townKey(town: string, county: string, industry: string, chars: string[] = []): TownKey {
  const folded = foldForMatch(industry.replace(/[()（）]/g, ' '));
  const words = new Set(cutWords(folded).filter((w) => w.length >= 2));
  for (const part of folded.split(/\s+/)) if (part.length >= 2) words.add(part);
  return { town, county: foldForMatch(county), words: [...words], chars };
}

/** Share of a character's occurrences in the corpus that must fall in one town's passages for it to name the town. */
const OWN_CHAR_SHARE = 0.8;
/** Occurrences a character needs in its town's passages to name it. */
const OWN_CHAR_MIN = 3;

/**
 * Characters of each town's industry (folded) that the corpus writes almost only in that town's passages (猪 of 生猪,
 * 蜂 of 蜂蜜, not 山 of 山楂 or 造 of 铸造), and that can name a thing alone (not 红 of 红酒): everyday words built on
 * them (养猪, 蜂农) name the town. Passages are given folded (foldForMatch), as the index prepared them at ingest.
 */
export function ownCharacters(industries: Map<string, string>, passages: Iterable<{ town: string; folded: string }>): Map<string, string[]> {
  const candidates = new Set([...industries.values()].flatMap((i) => [...foldForMatch(i)].filter((c) => /\p{Script=Han}/u.test(c) && namesAlone(c))));
  const total = new Map<string, number>();
  const own = new Map<string, number>();
  for (const p of passages) {
    const industry = foldForMatch(industries.get(p.town) ?? '');
    for (const c of p.folded) {
      if (!candidates.has(c)) continue;
      total.set(c, (total.get(c) ?? 0) + 1);
      if (industry.includes(c)) own.set(`${p.town}\u0000${c}`, (own.get(`${p.town}\u0000${c}`) ?? 0) + 1);
    }
  }
  const out = new Map<string, string[]>();
  for (const [town, industry] of industries) {
    const chars = [...new Set(foldForMatch(industry))].filter((c) => {
      const n = own.get(`${town}\u0000${c}`) ?? 0;
      return n >= OWN_CHAR_MIN && n >= OWN_CHAR_SHARE * (total.get(c) ?? 0);
    });
    out.set(town, chars);
  }
  return out;
}

/**
 * How strongly a folded question names each town: 1 when it names the town's industry (or, with the county, one of
 * the industry's own characters), plus 0.5 when it names the county too (0.5 for the county alone). Towns not named
 * are left out.
 */
export function townMentions(foldedQuestion: string, towns: TownKey[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of towns) {
    const county = t.county && foldedQuestion.includes(t.county) ? 0.5 : 0;
    // (A character of the industry names it only beside its county: 高平养猪, not 东桑西移 of another town's firm.)
    const industry = t.words.some((w) => foldedQuestion.includes(w)) || (county > 0 && t.chars.some((c) => foldedQuestion.includes(c))) ? 1 : 0;
    if (industry + county > 0) out.set(t.town, industry + county);
  }
  return out;
}
