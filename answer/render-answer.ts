// Wording of computed answers: a fact's clause as a short lead, trimmed sentences, English leads, citation numbers.
import { foldForMatch, isHeadTime, splitClauses, type Chunk, type Fact } from '../ingest/index.js';
import { bestFormWeight, FAMILY_FORM_WEIGHT, type WordForm } from './word-forms.js';

/** Words that open a clause without adding to its fact. */
const LEADING = /^(?:其中|同时|此外|另外|目前|据统计|并且|而且|因此|所以|总之|首先|其次|最后|近年来|近两年|经过多年的发展)[，,]?/;

/** A clause without surrounding punctuation, spaces from line breaks and empty openers, ending in 。. */
export function asStatement(text: string): string {
  const body = text
    .replace(/\s+/g, '')
    .replace(LEADING, '')
    .replace(/^[，,；;：:、]+|[，,；;：:、。！？!?]+$/g, '');
  return body ? `${body}。` : '';
}

/**
 * A fact as a short statement: the sentence's time (when the clause lacks it), then its clause. A
 * clause that is only the figure (明清时期，… / 65年来，…) is said with the clause after it, taken from
 * `sentence` when given.
 */
export function factStatement(fact: Fact, sentence = ''): string {
  const next = bareFigure(fact) ? clauseAfter(sentence, fact.clauseStart) : '';
  if (next) return asStatement(`${isHeadTime(fact) ? '' : fact.when && !fact.clause.includes(fact.when) ? `${fact.when}，` : ''}${fact.clause}，${next}`);
  const clause = fact.clause.replace(/\s+/g, '');
  const when = fact.when && !clause.includes(fact.when.replace(/^截至|^截止/, '')) && !/^(?:目前|近年来|近两年)$/.test(fact.when) ? `${fact.when}，` : '';
  return asStatement(`${when}${clause}`);
}

/** True when a fact's clause says nothing but its figure (明清时期, 65年来; not 成立于2007年). */
function bareFigure(fact: Fact): boolean {
  return isHeadTime(fact) || (/^\d/.test(fact.text) && fact.clause.replace(/\s+/g, '').length <= fact.text.length + 2);
}

/** The clause of a sentence after the one starting at `start`, without its trailing punctuation; "" when none. */
function clauseAfter(sentence: string, start: number): string {
  let offset = 0;
  const clauses = splitClauses(sentence);
  for (let i = 0; i < clauses.length - 1; i++) {
    if (offset === start) return clauses[i + 1]!.replace(/[，,；;：:。！？]$/, '');
    offset += clauses[i]!.length;
  }
  return '';
}

/**
 * The idf weight of the focus words a folded text has (a word the corpus lacks weighs 1); with `forms`, a word also
 * counts when the text has one of its forms of full family weight (主营 for 经营 of 主要经营).
 */
export function focusWeight(folded: string, focus: string[], idf: (w: string) => number, forms?: (w: string) => WordForm[]): number {
  const has = (w: string) => folded.includes(w) || (forms !== undefined && bestFormWeight(forms(w), folded) >= FAMILY_FORM_WEIGHT);
  return focus.reduce((sum, w) => sum + (has(w) ? idf(w) || 1 : 0), 0);
}

/** The clause of a sentence with the most focus weight, without punctuation; "" when none has a focus word. */
export function bestClause(sentence: string, focus: string[], idf: (w: string) => number): string {
  let best = '';
  let bestFit = 0;
  for (const c of splitClauses(sentence)) {
    const fit = focusWeight(foldForMatch(c), focus, idf);
    if (fit > bestFit) [best, bestFit] = [c, fit];
  }
  return asStatement(best).replace(/。$/, '');
}

/**
 * The clauses of a sentence that carry the question's focus words: the best clause, the clause
 * after it when the best one is only a lead-in (ends with ： or is under 8 characters), and the
 * sentence's opening time. The whole sentence when no clause has a focus word. Asked what was done (`series`):
 * the clauses from the last one with a focus word to the sentence's end, the run of actions that follows what
 * the question restates; from the clause before the first to the end when the last clause has a focus word.
 */
/** A clause that is only a time, heading what follows it (2022年，, 今年4月，, 目前，). */
const ONLY_A_TIME = /^(?:(?:截至|截止)?(?:1\d{3}|20\d{2})年(?:\d{1,2}月)?|今年\d{0,2}月?|去年|目前|近年来|当前|现在)[，,]?$/;

export function trimSentence(sentence: string, focus: string[], idf: (w: string) => number, series = false): string {
  const clauses = splitClauses(sentence);
  if (clauses.length <= 1 || focus.length === 0) return asStatement(sentence);
  const fit = clauses.map((c) => focusWeight(foldForMatch(c), focus, idf));
  const best = fit.indexOf(Math.max(...fit));
  if (fit[best] === 0) return asStatement(sentence);
  // From the first clause with a focus word to the last one, and the clause after it (its object).
  const first = fit.findIndex((x) => x > 0);
  const last = fit.length - 1 - [...fit].reverse().findIndex((x) => x > 0);
  let end = series ? clauses.length : Math.min(clauses.length, last + 2);
  while (end < clauses.length && /[：:]$/.test(clauses[end - 1]!)) end++;
  // (…but not a clause that only dates what comes after it: 2022年，.)
  if (!series && end === last + 2 && ONLY_A_TIME.test(clauses[end - 1]!)) end--;
  if (series && last < clauses.length - 1) return asStatement(clauses.slice(last).join(''));
  // The clause before the first focus clause often holds the subject asked about (谁 / 哪家 / 叫什么).
  const from = first > 0 && !/[：:]$/.test(clauses[first - 1]!) ? first - 1 : first;
  const head = from > 0 && /^(?:(?:截至|截止)?(?:1\d{3}|20\d{2})年|今年)[^，]{0,6}[，,]$/.test(clauses[0]!) ? clauses[0]! : '';
  return asStatement(head + clauses.slice(from, end).join(''));
}

/** English names of unit families' base units, for English leads. */
const UNIT_EN: Record<string, string> = {
  area: 'mu', weight: 'kg', money: 'yuan', animals: 'head', households: 'households', people: 'people',
  organisations: 'enterprises', items: '', kinds: 'kinds', percent: '%', ratio: 'times', degrees: '% vol', duration: 'years',
  machines: 'machines', sheets: 'sheets', plants: 'plants', count: '',
};

/** What toLocaleString('en-US', { maximumFractionDigits: 2 }) builds on every call, built once. */
const NUMBER_EN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

const SCALED_EN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** A number in English digits with thousands separators (at most two decimals); millions and billions said so (228 million). */
export function formatNumber(value: number): string {
  const size = Math.abs(value);
  if (size >= 1e9) return `${SCALED_EN.format(value / 1e9)} billion`;
  if (size >= 1e6) return `${SCALED_EN.format(value / 1e6)} million`;
  return NUMBER_EN.format(value);
}

/** The fact's value in English ("850,000 head", "founded in 2007", "“中国蜜蜂之乡”"), or its text. */
export function englishValue(fact: Fact): string {
  if (fact.kind === 'quantity' && fact.value !== null) {
    const unit = UNIT_EN[fact.family] ?? '';
    const approx = fact.approx ? 'over ' : '';
    // A weight the article gives in tonnes (5000吨) is said in tonnes, not as millions of kilograms.
    if (fact.family === 'weight' && fact.unit.endsWith('吨')) return `${approx}${formatNumber(fact.value / 1000)} tonnes`;
    return `${approx}${formatNumber(fact.value)}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;
  }
  if (fact.kind === 'time' && fact.value !== null) {
    const year = fact.value < 0 ? `${-fact.value} BC` : String(fact.value);
    return fact.family === 'year' ? `in ${year}` : `${fact.text} (from about ${year})`;
  }
  return fact.items.map((i) => `“${i}”`).join(', ') || fact.text;
}

/** Numbers citations in the order chunks are first cited. */
/**
 * A near miss: what the articles do not state (the subject's asked attribute), then what they say.
 * The English form names the subject only when asked to (`namedInEnglish`).
 */
export function notStated(english: boolean, subject: string, attribute: string, said: string, namedInEnglish = false): string {
  return english ? `The articles do not state that${namedInEnglish ? ` for ${subject}` : ''}. What they say: ${said}` : `文章没有提到${subject}的${attribute}；提到的是：${said}`;
}

export class CitationList {
  readonly chunks: Chunk[] = [];

  /** The marker "[n]" for a chunk, numbering it on first use. */
  mark(chunk: Chunk): string {
    let n = this.chunks.indexOf(chunk) + 1;
    if (n === 0) n = this.chunks.push(chunk);
    return `[${n}]`;
  }
}
