// Chinese numerals and historical eras as numbers: 三百二十 -> 320, 上千 -> 1000, 唐代 -> 618.

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters that can make up a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/**
 * Value of a Chinese numeral (一百二十三, 十二, 三万五千, 两); null when it is not one. "上千" and
 * "数百" (a round, vague amount) count as their unit.
 */
export function parseChineseNumeral(text: string): number | null {
  const vague = /^[上数几]([十百千万亿])$/.exec(text);
  if (vague) return SMALL_UNITS[vague[1]!] ?? BIG_UNITS[vague[1]!] ?? null;
  if (!text || [...text].some((c) => !CHINESE_NUMERAL_CHARS.includes(c))) return null;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const c of text) {
    if (c in DIGITS) digit = DIGITS[c]!;
    else if (c in SMALL_UNITS) {
      section += (digit || 1) * SMALL_UNITS[c]!;
      digit = 0;
    } else {
      total += (section + digit || 1) * BIG_UNITS[c]!;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

/** A Chinese numeral of two characters or more, or with 十 / 百 / 千, before a unit (三千元, 一千五百户, 十二年), an approximation word between (一百来年, 三千多元). */
const NUMERAL_BEFORE_UNIT = /(?<![几数])([零一二两三四五六七八九十百千万亿]{2,}|[十百千])(?=(?:来|多|余)?(?:万|亿)?(?:元|块|亩|头|只|户|人|名|家|吨|公斤|斤|种|年|度|%|个百分点))/g;

/** The text with amounts written in Chinese numerals before a unit in digits (三千元 -> 3000元); 一年, 两个 stay. */
export function arabicFigures(text: string): string {
  const digits = text.replace(NUMERAL_BEFORE_UNIT, (numeral) => {
    const value = parseChineseNumeral(numeral);
    return value === null ? numeral : String(value);
  });
  // 两千块 / 3000块钱: an amount of a hundred or more said in 块 is money in 元 (两块地 is not).
  const money = digits.replace(/(\d+(?:\.\d+)?)([来多余])?(万|亿)?块钱?/g, (all, n: string, about = '', mult = '') => (mult || Number(n) >= 100 ? `${n}${about}${mult}元` : all));
  // 10度一下 / 40万头一上: the homophone typed for 以下 / 以上 after an amount.
  return money.replace(/(\d(?:万|亿)?[\u4e00-\u9fff%]{0,2}?)一([下上])(?=[的吗呢吧，,？?。！!]|$)/g, '$1以$2');
}

/** A large figure in digits (200,000 / 35600 / 1.2 million): the articles write it in 万 or 亿. */
const LARGE_FIGURE = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d{5,})(?![\d.,]*\d)|(\d+(?:\.\d+)?)\s*(million|billion)\b/gi;

/**
 * The text with large figures in digits said in 万 / 亿 as Chinese articles write them (200,000 -> 20万,
 * 1.2 million -> 120万, 350000000 -> 3.5亿); a figure below 10,000 or a year stays.
 */
export function myriadFigures(text: string): string {
  return text.replace(LARGE_FIGURE, (all, digits: string | undefined, n: string | undefined, scale: string | undefined) => {
    const value = digits ? Number(digits.replace(/,/g, '')) : Number(n) * (scale!.toLowerCase() === 'million' ? 1e6 : 1e9);
    if (!Number.isFinite(value) || value < 10000) return all;
    const [unit, size] = value >= 1e8 ? ['亿', 1e8] : ['万', 1e4];
    const scaled = Math.round((value / size) * 10000) / 10000;
    return `${scaled}${unit}`;
  });
}

/** A number written with digits or Chinese numerals: "3.5" -> 3.5, "五" -> 5; null otherwise. */
export function parseNumber(text: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  return parseChineseNumeral(text);
}

/**
 * First year of Chinese historical periods (general reference data, Gregorian years; BCE negative).
 * Longer names first so 春秋战国 wins over 春秋.
 */
export const ERAS: [name: string, startYear: number][] = [
  ['春秋战国', -770],
  ['春秋', -770],
  ['战国', -475],
  ['秦代', -221],
  ['秦朝', -221],
  ['汉代', -202],
  ['汉朝', -202],
  ['三国', 220],
  ['魏晋', 220],
  ['南北朝', 420],
  ['隋代', 581],
  ['隋朝', 581],
  ['唐代', 618],
  ['唐朝', 618],
  ['五代', 907],
  ['宋代', 960],
  ['宋朝', 960],
  ['元代', 1271],
  ['元朝', 1271],
  ['明清', 1368],
  ['明代', 1368],
  ['明朝', 1368],
  ['清代', 1644],
  ['清朝', 1644],
  ['清末', 1840],
  ['近代', 1840],
  ['民国', 1912],
];
