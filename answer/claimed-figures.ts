// The figures a yes/no question claims, written the way the fact extractor reads them (上万户 -> 超过1万户, 400,000 mu -> 400000亩).
import { extractFigures, foldForMatch, type Fact } from '../ingest/index.js';

/** Round figures said in words: 上万 / 过万 (ten thousand or more), 一半 (50%). */
const ROUND_WORDS: [RegExp, string][] = [
  [/[上过逾]([万千百亿])(?=[\u4e00-\u9fff])/g, '超过1$1'],
  [/一半/g, '50%'],
  // 30来家: about 30, as the articles write 30余家.
  [/(\d+)来(?=[\u4e00-\u9fff])/g, '$1余'],
  // 5个亿, 一个亿: the 个 people put before 亿 / 万.
  [/(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)个([亿万])/g, '$1$2'],
];

/** English units and the Chinese unit the articles write. */
const ENGLISH_UNITS: [RegExp, string][] = [
  [/^mu\b/i, '亩'],
  [/^(?:metric )?(?:tonnes?|tons?)\b/i, '吨'],
  [/^(?:kg|kilogra(?:m|mme)s?)\b/i, '公斤'],
  [/^(?:yuan|rmb)\b/i, '元'],
  [/^households?\b/i, '户'],
  [/^(?:head|pigs?|hogs?)\b/i, '头'],
  [/^(?:goats?|sheep|colonies|hives)\b/i, '只'],
  [/^(?:people|persons?|residents?)\b/i, '人'],
  [/^(?:companies|company|firms?|enterprises?|foundries)\b/i, '家'],
  [/^(?:hectares?)\b/i, '公顷'],
  [/^(?:percent|per cent|%)/i, '%'],
  [/^degrees?\b/i, '度'],
  [/^sheets?\b/i, '张'],
  [/^(?:robots?|machines?)\b/i, '台'],
  [/^(?:kinds?|types?|varieties|species)\b/i, '种'],
  [/^years?\b/i, '年'],
];

/** The Chinese unit of an English unit word (households -> 户, mu -> 亩), undefined for other words. */
export function englishUnit(word: string): string | undefined {
  return ENGLISH_UNITS.find(([re]) => re.test(word))?.[1];
}

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/** An English figure with its unit in Chinese (400,000 mu -> 40万亩; 0.85 million head -> 85万头), the text unchanged when it has none. */
export function chineseFigures(text: string): string {
  // The unit may follow a word or two describing it (30,000 black goats): those words are kept before the figure.
  // (…or a hyphen: a 42-degree brandy.)
  return text.replace(/(\d[\d,]*(?:\.\d+)?)(?:-(?=[a-z])|\s*)(thousand|million|billion)?\s*(?:of\s+)?((?:[a-z]+\s+){0,2})(%|per cent|metric tonnes?|[a-z]+)?/gi, (whole, digits: string, scale: string | undefined, between: string, rest: string | undefined) => {
    const value = Number(digits.replace(/,/g, '')) * (scale ? SCALE[scale.toLowerCase()]! : 1);
    const words = [...between.trim().split(/\s+/).filter(Boolean), ...(rest ? [rest] : [])];
    const at = words.findIndex((w) => englishUnit(w) !== undefined);
    if (at < 0 || !Number.isFinite(value)) return whole;
    const unit = englishUnit(words[at]!)!;
    const number = value >= 1e4 && unit !== '%' && unit !== '年' ? `${value / 1e4}万` : String(value);
    const trailing = rest ? '' : /\s$/.test(whole) ? ' ' : '';
    return `${words.slice(0, at).map((w) => `${w} `).join('')}${number}${unit}${words.slice(at + 1).map((w) => ` ${w}`).join('')}${trailing}`;
  });
}

/** The question with its round figures and English figures (and years: in 1958 -> 1958年) in the extractor's Chinese form. */
export function claimText(question: string): string {
  let q = foldForMatch(question);
  for (const [re, to] of ROUND_WORDS) q = q.replace(re, to);
  if (!/\d/.test(q) || !/[a-z]/i.test(q)) return q;
  // the 1980s: 20世纪80年代, as the articles write a decade.
  const decades = q.replace(/\b(1[5-9]|20)(\d)0s\b/g, (_, century: string, decade: string) => `${Number(century) + 1}世纪${decade}0年代`);
  return chineseFigures(decades.replace(/\b(in|since|by|from|until)\s+((?:1[5-9]|20)\d\d)\b(?![\d,.])/gi, '$1 $2年'));
}

/** The quantities and times a question states (read from claimText). */
export function claimedFacts(claimed: string): Fact[] {
  // 一户 / 一头 (per household, per head) is the unit of a rate, not a figure claimed; 一年多 is one.
  const perUnit = (f: Fact) => f.kind === 'quantity' && f.value === 1 && !f.approx && f.family !== 'duration' && f.text.startsWith('一');
  return extractFigures(claimed, 0).filter((f) => (f.kind === 'quantity' || f.kind === 'time') && f.value !== null && !perUnit(f));
}

/** Share a claimed figure may differ from the stated one: a round claim (50%左右, 30多) loosely, an exact one not at all. */
const TOLERANCE = { approx: 0.2, exact: 0.005 };

/** Years a claimed decade or century covers (80年代: 10, 20世纪: 100), 0 for other figures. */
function claimedSpan(claim: Fact): number {
  if (claim.kind !== 'time' || claim.family !== 'era') return 0;
  return /\d0年代$/.test(claim.text) ? 10 : /世纪$/.test(claim.text) ? 100 : 0;
}

/** The families of stated figures a claim is checked against: a decade claimed (上世纪80年代) by a year too (1958年). */
export function claimFamilies(claim: Fact): string[] {
  return claimedSpan(claim) > 0 ? [claim.family, 'year'] : [claim.family];
}

/**
 * Whether the sentence's facts bear the claims out: false when a claim's kind of figure is stated
 * (same unit family, same kind of time) but never with its value; true when every claim that could be
 * checked holds; null when none could be checked.
 */
export function claimsHold(claims: Fact[], sentenceFacts: Fact[]): boolean | null {
  let checked = false;
  for (const claim of claims) {
    const families = claimFamilies(claim);
    const stated = sentenceFacts.filter((f) => f.kind === claim.kind && families.includes(f.family) && f.value !== null);
    if (stated.length === 0) continue;
    checked = true;
    const tolerance = claim.approx ? TOLERANCE.approx : TOLERANCE.exact;
    const span = claimedSpan(claim);
    const same = stated.some((f) =>
      claim.kind !== 'time' ? Math.abs(f.value! - claim.value!) <= tolerance * Math.abs(claim.value!) : f.family === claim.family || span === 0 ? f.value === claim.value : f.value! >= claim.value! && f.value! < claim.value! + span,
    );
    if (!same) return false;
  }
  return checked ? true : null;
}
