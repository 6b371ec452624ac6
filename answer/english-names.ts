// Townships and villages an answer names, for an English reader in pinyin (河西镇 -> Hexi Town).
import { pinyin } from 'pinyin-pro';

/** A township or village by name (高都镇, 大兴村, 后则腰村), not the words for them (乡镇, 行政村, 农村, 小镇, 之乡, 乡村). */
const NAMED_PLACE = /([\u4e00-\u9fff]{2,3}?)(镇|乡|村)(?![民级镇村])/g;
/** A name part that is a word for places or holds a function word: no name (个乡镇, 行政村, 推了乡村, 铸造之乡). */
const NOT_A_NAME = /[乡政农城个各全小镇特业]$|[了的在和与及是有之等、]/;
/** Characters that lead into a name without being part of it (在河西镇, 于高都镇). */
const LEAD_IN = /^[在于从到向县市]/;

/** The townships and villages a text names, each once, in order. */
export function namedPlaces(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NAMED_PLACE)) {
    const stem = m[1]!.replace(LEAD_IN, '');
    if (stem.length < 2 || NOT_A_NAME.test(stem)) continue;
    const name = stem + m[2]!;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

const PLACE_WORD: Record<string, string> = { 镇: 'Town', 乡: 'Township', 村: 'Village' };

/** A township or village in pinyin with its kind in English (后则腰村 -> Houzeyao Village). */
export function romanisedPlace(name: string): string {
  return `${capitalisedPinyin(name.slice(0, -1))} ${PLACE_WORD[name.slice(-1)]}`;
}

/** A name in toneless pinyin, run together and capitalised (后则腰 -> Houzeyao). */
function capitalisedPinyin(name: string): string {
  const p = pinyin(name, { toneType: 'none', type: 'array' }).join('');
  return `${p.charAt(0).toUpperCase()}${p.slice(1)}`;
}

/**
 * An English answer in Chinese only that names townships or villages, led by them in pinyin
 * ("Hexi Town (河西镇), Jianning Township (建宁乡): 先后在河西镇…"); others unchanged.
 */
export function withEnglishPlaces(answer: string): string {
  // (An answer led in English already says what was asked: the places it cites stay as they are.)
  if (/^[A-Za-z0-9]/.test(answer)) return answer;
  // (Not inside a title or a quotation: 《陵川中药材：“太行药乡”乘风而上》 names no township.)
  const places = namedPlaces(answer.replace(/\[\d+\]|《[^》]*》|“[^”]*”/g, ' '));
  if (places.length === 0 || places.every((p) => answer.includes(romanisedPlace(p)))) return answer;
  return `${places.map((p) => `${romanisedPlace(p)} (${p})`).join(', ')}: ${answer}`;
}

/** A county's short name in pinyin (沁水 -> Qinshui). */
export function romanisedCounty(name: string): string {
  return capitalisedPinyin(name.replace(/[县市区]$/, ''));
}
