// Deterministic synthetic corpora at any size, recombined from the real chunks (realistic tokens and lengths).
import { createHash } from 'node:crypto';
import { splitSentences, type ArticleMeta, type Chunk } from '../ingest/index.js';
import { prng } from '../test-support/prng.js';

/** Chunks per synthetic article (the real corpus has about four per article). */
export const CHUNKS_PER_ARTICLE = 4;
/** Extra industries recombined with the real ones, so the corpus names a few hundred towns, not nine. */
const EXTRA_INDUSTRIES = ['核桃', '小米', '黄梨', '花椒', '连翘', '党参', '香菇', '铁锅', '砂器', '刺绣', '煤化工', '光伏', '旅游', '民宿', '酿醋', '面塑', '皮影', '木雕', '石材', '茶叶', '苹果', '红薯', '黄牛', '土鸡', '食用菌', '蔬菜', '玉米', '葡萄', '大枣', '冶铁', '铸铜'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾';
const GIVEN = '云华明建国志强文军海平伟丽红春晓东光宇鹏飞芳燕玲辉峰成林';
const VILLAGES = '东西南北上下前后大小新老山河沟坪庄岭峪头';

/** A real town's article metadata and its sentences' clauses (cut at Chinese commas). */
type Source = { meta: ArticleMeta; clauses: string[] };

function sourcesOf(real: Chunk[]): Source[] {
  const byTown = new Map<string, Source>();
  for (const c of real) {
    const s = byTown.get(c.meta.town) ?? { meta: c.meta, clauses: [] };
    for (const sentence of splitSentences(c.text)) {
      s.clauses.push(...sentence.text.replace(/[。！？!?；;]+[”’」』）)]*$/u, '').split(/[，,、：]/u).filter((t) => t.trim().length >= 2));
    }
    byTown.set(c.meta.town, s);
  }
  return [...byTown.values()];
}

/** Replaces every number with another of the same digit count (so units and lengths stay realistic). */
function substituteNumbers(text: string, random: () => number): string {
  return text.replace(/\d+/g, (digits) => {
    let out = String(1 + Math.floor(random() * 9));
    for (let i = 1; i < digits.length; i++) out += String(Math.floor(random() * 10));
    return out;
  });
}

function pick<T>(items: ArrayLike<T>, random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

/**
 * `count` synthetic chunks recombined from `real` (the ingested corpus): articles of four chunks,
 * each about a town made of a real county and a real or extra industry; each chunk has two to four
 * sentences of two to four real clauses of the source town, with the town's names, village names
 * and all numbers substituted, cut to `maxChars`. Ids are unique; the same inputs and `seed` always give the same corpus.
 */
export function syntheticChunks(real: Chunk[], count: number, maxChars: number, seed = 1): Chunk[] {
  const sources = sourcesOf(real);
  if (sources.length === 0) throw new Error('synthetic corpus: the real corpus has no chunks');
  const counties = [...new Set(real.map((c) => c.meta.county).filter(Boolean))];
  const industries = [...new Set([...real.map((c) => c.meta.industry), ...EXTRA_INDUSTRIES])];
  const random = prng(seed);
  const chunks: Chunk[] = [];
  let meta: ArticleMeta = sources[0]!.meta;
  let source = sources[0]!;
  for (let i = 0; i < count; i++) {
    const article = Math.floor(i / CHUNKS_PER_ARTICLE);
    if (i % CHUNKS_PER_ARTICLE === 0) {
      source = sources[article % sources.length]!;
      const county = counties.length ? pick(counties, random) : source.meta.county;
      const industry = pick(industries, random);
      const town = `${county}${industry}`;
      const subtitle = source.meta.title.split('：')[1] ?? source.meta.title;
      const author = pick(SURNAMES, random) + pick(GIVEN, random) + (random() < 0.5 ? pick(GIVEN, random) : '');
      meta = { ...source.meta, town, county, industry, title: `${town}：${subtitle}`, author, source: `synthetic/article-${article}.txt` };
    }
    const village = pick(VILLAGES, random) + pick(VILLAGES, random) + '村';
    const sentences: string[] = [];
    for (let n = 2 + Math.floor(random() * 3); n > 0; n--) {
      const clauses: string[] = [];
      for (let m = 2 + Math.floor(random() * 3); m > 0; m--) clauses.push(pick(source.clauses, random));
      sentences.push(`${clauses.join('，')}。`);
    }
    const swapped = sentences
      .join('')
      .replaceAll(source.meta.industry || '\u0000', meta.industry)
      .replaceAll(source.meta.county || '\u0000', meta.county)
      .replace(/[\u4e00-\u9fff]{2}村/g, village);
    const text = substituteNumbers(swapped, random).slice(0, maxChars);
    const id = createHash('sha1').update(`synthetic:${seed}:${i}`).digest('hex').slice(0, 16);
    const line = 1 + (i % CHUNKS_PER_ARTICLE) * 2;
    chunks.push({ id, text, lineStart: line, lineEnd: line, paragraph: i % CHUNKS_PER_ARTICLE, part: 0, meta });
  }
  return chunks;
}
