// English question words: lower-case words, their base forms, and the function words not worth translating.

/** Function and question words skipped when they match no phrase ("how many" still matches 多少). */
export const ENGLISH_STOPWORDS = new Set(
  ('a an the of in on at to for by with from into about as and or but not no is are was were be been being am do does did done ' +
    'has have had having it its this that these those there their they them he she his her we our you your i me my ' +
    'how what which who whom whose when where why can could will would shall should may might must tell please ' +
    'any some each every all than then so such very also just only ' +
    // Words for the page and its articles (the page covers, the story mentions): where to look, not what.
    'page pages cover covers covered mention mentions mentioned featured described reported appear appears appeared newspaper ' +
    // The frame of a name asked (what is the name of…), as 名字 / 名称 are in Chinese.
    'name').split(' '),
);

/** Words of an English text, lower case (letters, inner hyphens and apostrophes). */
export function englishWords(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+(?:[-'][a-z]+)*/g) ?? [];
}

/** Irregular past forms of common verbs of economic news. */
const IRREGULAR: Record<string, string> = {
  sold: 'sell', made: 'make', built: 'build', grew: 'grow', grown: 'grow', bought: 'buy', paid: 'pay', won: 'win', began: 'begin', begun: 'begin',
  brought: 'bring', took: 'take', taken: 'take', gave: 'give', given: 'give', became: 'become', held: 'hold', led: 'lead', rose: 'rise', risen: 'rise',
  sent: 'send', spent: 'spend', kept: 'keep', known: 'know', knew: 'know', bred: 'breed', fed: 'feed', got: 'get', went: 'go', gone: 'go',
};

/** A word and its likely base forms: plural -> singular, -ed / -ing -> verb ("goats" -> goat, "farming" -> farm). */
export function baseForms(word: string): string[] {
  const forms = [word];
  const add = (f: string) => f.length >= 2 && !forms.includes(f) && forms.push(f);
  if (word.endsWith("'s")) add(word.slice(0, -2));
  if (IRREGULAR[word]) add(IRREGULAR[word]);
  if (word.endsWith('ies')) add(word.slice(0, -3) + 'y');
  // An adverb or adjective in -ly: its base (mainly -> main, yearly -> year, annually -> annual).
  if (word.endsWith('ly') && word.length >= 5) add(word.slice(0, -2));
  if (/(s|x|ch|sh)es$/.test(word)) add(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) add(word.slice(0, -1));
  for (const suffix of ['ing', 'ed']) {
    if (!word.endsWith(suffix) || word.length < suffix.length + 3) continue;
    const stem = word.slice(0, -suffix.length);
    add(stem);
    add(stem + 'e');
    if (/([^aeiou])\1$/.test(stem)) add(stem.slice(0, -1));
    if (suffix === 'ed' && stem.endsWith('i')) add(stem.slice(0, -1) + 'y');
  }
  return forms;
}
