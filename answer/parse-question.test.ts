import { describe, expect, it } from 'vitest';
import { askedMeasure, attributeFamilies, boundBefore, choosesOne, comparativeWord, comparisonSides, isTimeNoun, parseQuestion, superlativeDescribes, superlativeWord, type ParsedQuestion } from './parse-question.js';

import { compareFacts, formatChinese } from './compare-facts.js';
import type { Fact } from '../ingest/index.js';
import type { LocatedFact } from './fact-evidence.js';

describe('parseQuestion: the articles of one byline', () => {
  it.each([
    ['张彩峰署名的稿子有几篇？', 'count'],
    ['署名张彩峰的文章有几篇', 'count'],
    ['陈云华署名的报道有哪些', 'list'],
    ['署名陈云华的稿子分别写了哪几个专业镇', 'list'],
    ['Which towns did 陈云华 write about?', 'list'],
    ['How many of the articles carry the byline Chen Yunhua?', 'count'],
    ['能不能把首批市级专业镇都列出来？', 'list'],
    ['生猪全产业链的环节依次是什么？', 'list'],
    // A list asked with its count is a count (its answer names the items too); 哪几 alone is a list.
    ['陵川打造了哪些药养品牌？一共几个', 'count'],
    ['陵川打造了哪几个药养品牌？', 'list'],
    ['沁水蜂蜜那篇是谁写的', 'author'],
  ])('%s -> %s', (q, operation) => {
    expect(parseQuestion(q, 0, false).operation).toBe(operation);
  });
});

describe('parseQuestion', () => {
  it.each([
    ['高平去年出栏了多少头生猪？', 1, 'lookup', 'quantity', 'animals'],
    ['彤康那家山楂酒厂是哪年开起来的？', 1, 'lookup', 'time', null],
    ['吉利尔做潞绸做了多久了？', 1, 'lookup', 'duration', null],
    ['沁水蜂蜜有哪些称号？', 1, 'list', 'names', null],
    ['高平和沁水，哪个养的牲口更多？', 2, 'compare', 'quantity', null],
    ['吉利尔比彤康早成立多少年？', 0, 'difference', 'duration', null],
    ['有几个专业镇入选了首批市级专业镇？', 0, 'count', 'quantity', null],
    ['高平的生猪出栏量是全省第一吗？', 1, 'yesno', 'text', null],
    ['沁水的黑山羊肉为啥那么好吃？', 1, 'reason', 'text', null],
    // Other wordings of the same operations.
    ['吉利尔和彤康成立相隔几年', 0, 'difference', 'duration', null],
    ['How many years apart were Jilier and Tongkang founded?', 0, 'difference', 'duration', null],
    // (…and two events, 哪件事发生在前.)
    ['吉利尔创立和彤康成立，哪件事发生在前？', 0, 'compare', 'time', null],
    // An amount (…额) asked is money.
    ['彤康去年的销售额有多少？', 1, 'lookup', 'quantity', 'money'],
    ['是沁水的蜂农多，还是沁水的养羊户多？', 0, 'compare', 'quantity', null],
    ['Which was founded first, Jilier or Tongkang?', 0, 'compare', 'time', null],
    ['Does Gaoping raise more pigs than Qinshui raises goats?', 2, 'compare', 'quantity', null],
    ['版面上产值排第一的是哪个镇', 0, 'superlative', 'quantity', null],
    // An alternative question asked with an auxiliary compares; it claims nothing to answer yes or no.
    ['Are there more co-ops in Qinshui or chain-leader companies in Lingchuan?', 2, 'compare', 'quantity', null],
    // "What kinds of" asks a list; "what kind of" one thing.
    ['What kinds of ceramics does Yangcheng make?', 1, 'list', 'text', null],
    ['What kind of cooperation does Kaiyong have with Shanxi University?', 0, 'lookup', 'text', null],
    // "which township" is no "which towns".
    ['Which township in Zezhou is building the park?', 1, 'lookup', 'text', null],
    ['高平生猪出栏超过100万头了没有', 1, 'yesno', 'text', null],
    ['彤康的山楂酒真的有54度的？', 0, 'yesno', 'text', null],
    ['听说沁水的智能蜂场是全国头一个？', 1, 'yesno', 'text', null],
    ['沁水蜂农的收入破万了没？', 1, 'yesno', 'text', null],
    ['彤康是全省最大的山楂企业吗？', 0, 'yesno', 'text', null],
    ['彤康的红酒比阳城的蚕茧重多少吨？', 2, 'difference', 'quantity', 'weight'],
    ['陵川的总体思路分几句？', 1, 'count', 'quantity', null],
    // Two sides with superlatives inside them, asked 哪个更…: a comparison.
    ['泽州铸造最早的年代和陵川中药材最早的年份，哪个更早？', 0, 'compare', 'time', null],
    // 哪类户 asks households.
    ['阳城养蚕的户里哪类户最多？', 1, 'superlative', 'quantity', 'households'],
    // 最多能 is "at most", not a superlative.
    ['彤康一年最多能产多少吨山楂酒？', 0, 'lookup', 'quantity', 'weight'],
    ['彤康开发了几款山楂酒', 0, 'count', 'quantity', null],
    ['How many beekeeping households does Qinshui have?', 1, 'count', 'quantity', 'households'],
    ['How many degrees stronger is the brandy than the dry red?', 0, 'difference', 'quantity', 'degrees'],
    // Years counted with a word before them ask a duration (how many consecutive years).
    ['For how many consecutive years has it been a top county?', 1, 'count', 'duration', null],
    ['How much land in mu does Lingchuan plant?', 1, 'lookup', 'quantity', 'area'],
    // A category noun names the unit family ranked.
    ['这一版里的牲畜数量哪个最多？', 0, 'superlative', 'quantity', 'animals'],
    ['哪个专业镇的户数最少？', 0, 'superlative', 'quantity', 'households'],
    // Households counted with a word before 户 (农户, 蜂户), not money (多少钱给农户 is no count of them).
    ['带着多少农户一块儿赚钱？', 1, 'lookup', 'quantity', 'households'],
    ['补了多少钱给农户？', 1, 'lookup', 'quantity', 'money'],
    ['阳城蚕桑的经济数据哪个最高？', 1, 'superlative', 'quantity', 'money'],
    // GAP (a base standard) is not "the gap between".
    ['陵川县与哪所高校合作推进GAP基地建设？', 1, 'lookup', 'text', null],
    ['沁水黑山羊为什么肉质好？', 1, 'reason', 'text', null],
    ['阳城全县优良蚕、桑品种推广率达到多少？', 1, 'lookup', 'quantity', 'percent'],
    ['晋城被誉为什么？', 0, 'lookup', 'names', null],
    ['那个村后来成为什么基地？', 0, 'lookup', 'text', null],
  ] as const)('%s -> %s / %s', (q, towns, operation, answerType, unitFamily) => {
    expect(parseQuestion(q, towns, false)).toMatchObject({ operation, answerType, unitFamily });
  });
});

describe('parseQuestion reuse', () => {
  it('gives the same parse to the same question asked again at once, and parses afresh when the question, town count or language differs', () => {
    const first = parseQuestion('阳城和高平哪个产值更高？', 2, false);
    expect(parseQuestion('阳城和高平哪个产值更高？', 2, false)).toBe(first);
    expect(parseQuestion('阳城和高平哪个产值更高？', 0, false)).not.toBe(first);
    expect(parseQuestion('阳城和高平哪个产值更高？', 0, false)).toEqual({ ...first });
    expect(parseQuestion('阳城和高平哪个产值更低？', 2, false).direction).toBe('min');
    expect(parseQuestion('阳城和高平哪个产值更高？', 2, true)).toEqual({ ...first, english: true });
  });
});

describe('answer-type nouns and superlatives', () => {
  it('knows the nouns that name the kind of time asked', () => {
    expect(['朝代', '年代', '时代', '时期'].filter(isTimeNoun)).toEqual(['朝代', '年代', '时代', '时期']);
    expect(['产地', '中心', '陶瓷'].some(isTimeNoun)).toBe(false);
  });

  it('finds the superlative a question asks', () => {
    expect(superlativeWord('冶铸业最早能追溯到哪个朝代？')).toBe('最早');
    expect(superlativeWord('冶铸业能追溯到哪个朝代？')).toBe('');
  });

  it('tells a question picking one of several from one asking a time or an amount', () => {
    expect(['规模最大的是哪家企业', '哪个县养蚕最多', '谁家的琉璃最有名', 'Which town is the oldest?', '最早的是哪个'].every(choosesOne)).toBe(true);
    expect(['乔氏琉璃最早是哪一年创办的', '最早是哪个朝代', '最多能产多少吨', '哪年成立的', 'When was it at its largest?'].some(choosesOne)).toBe(false);
  });

  it('tells a superlative that only describes the name after it', () => {
    expect(superlativeDescribes('华北最大的丝绸企业吉利尔潞绸集团一年销售额有多少？', ['吉利尔潞绸'])).toBe(true);
    expect(superlativeDescribes('规模最大的企业是吉利尔潞绸吗', ['吉利尔潞绸'])).toBe(false);
    expect(superlativeDescribes('吉利尔潞绸是规模最大的企业吗', ['吉利尔潞绸'])).toBe(false);
    expect(superlativeDescribes('华北最大的丝绸企业是哪家', [])).toBe(false);
  });
});

describe('askedMeasure', () => {
  it('reads a measure word no unit family covers, by its part of speech', () => {
    expect(askedMeasure('沁水一共有多少箱蜜蜂')).toBe('measure:箱');
    expect(askedMeasure('一年能产多少件')).toBe('measure:件');
  });

  it('leaves nouns, longer words and generic classifiers alone', () => {
    expect(askedMeasure('2022年产了多少茧')).toBeNull();
    expect(askedMeasure('有多少农户养蜂')).toBeNull();
    expect(askedMeasure('有几个专业镇')).toBeNull();
  });
});

describe('comparisons', () => {
  it('cuts a comparison into its sides', () => {
    expect(comparisonSides('吉利尔潞绸集团和彤康食品，哪个成立得早？')).toEqual(['吉利尔潞绸集团', '彤康食品']);
    expect(comparisonSides('高平的生猪出栏量是多少？')).toEqual([]);
    // With something on both sides of 比, those are the sides: 和 before it joins one side's subjects.
    expect(comparisonSides('养蚕张数和蚕茧产量占全市的比重，比占全省的高出多少？')).toEqual(['养蚕张数和蚕茧产量占全市的比重', '占全省的']);
    expect(comparisonSides('泽州和高平比，谁的企业多？')).toEqual(['泽州', '高平']);
    // (The 还 of 还差多少 is no part of a side.)
    expect(comparisonSides('彤康的基地，规划面积和认证的面积还差多少亩？')).toEqual(['规划面积', '认证的面积']);
    // An English alternative question: the two sides of "or", without the comparative.
    expect(comparisonSides('Are there more bee-farming co-ops in Qinshui or chain-leader companies in Lingchuan?')).toEqual(['bee-farming co-ops in Qinshui', 'chain-leader companies in Lingchuan']);
    expect(comparisonSides("Is Gaoping's pig output or Qinshui's goat stock larger?")).toEqual(["Gaoping's pig output", "Qinshui's goat stock"]);
    // Sides in the asking clause when the clause before names none (泽州铸造这块，A和B哪个多).
    expect(comparisonSides('泽州铸造这块，注册商标的个数和铸造企业的家数哪个多？')).toEqual(['注册商标的个数', '铸造企业的家数']);
    // The alternatives of the last clause (…，A高还是B高), its subject before; a leading 光看… names the measure.
    expect(comparisonSides('蚕茧产量，在全市的占比高还是在全省的占比高？')).toEqual(['在全市的占比', '在全省的占比']);
    expect(comparisonSides('光看头数，高平的生猪出栏和沁水的黑山羊饲养量，哪个多？')).toEqual(['高平的生猪出栏', '沁水的黑山羊饲养量']);
    // Two events, the later one after 以后 / 几年后; its 才 is no part of it.
    expect(comparisonSides('彤康成立以后，又过了几年潞绸才列入国家级非遗？')).toEqual(['彤康成立', '潞绸列入国家级非遗']);
    expect(comparisonSides('吉利尔办厂多少年后，潞绸才成了非遗？')).toEqual(['吉利尔办厂', '潞绸成了非遗']);
    expect(comparisonSides('How long after Tongkang was founded did Lu silk become heritage?')).toEqual(['Tongkang was founded', 'Lu silk become heritage']);
    expect(parseQuestion('吉利尔办厂多少年后，潞绸才成了非遗？', 0, false).operation).toBe('difference');
    // A time ahead of one thing is no second event.
    expect(parseQuestion('彤康的新厂几年后投产？', 0, false).operation).not.toBe('difference');
    // The predicate after B starts at its last comparative adjective (大类 is part of B).
    expect(comparisonSides('陵川的药养品牌比泽州商标涉及的大类多几个？')).toEqual(['陵川的药养品牌', '泽州商标涉及的大类']);
    // 分别是多少: the asking words are no part of the last side.
    expect(comparisonSides('高平生猪出栏量和沁水黑山羊饲养量分别是多少？')).toEqual(['高平生猪出栏量', '沁水黑山羊饲养量']);
    // A leading clause naming the measure (论…，按…算，) is no side.
    expect(comparisonSides('按企业数量算，泽州铸造多，还是陵川中药材多？')).toEqual(['泽州铸造', '陵川中药材']);
    // A比B<predicate>: the predicate is not part of B.
    expect(comparisonSides('吉利尔比彤康早成立多少年？')).toEqual(['吉利尔', '彤康']);
    expect(comparisonSides('吉利尔比彤康成立得早吗？')).toEqual(['吉利尔', '彤康']);
    expect(comparisonSides('阳城比高平多多少？')).toEqual(['阳城', '高平']);
    expect(comparisonSides('是沁水的蜂农多，还是沁水的养羊户多？')).toEqual(['沁水的蜂农', '沁水的养羊户']);
    expect(comparisonSides('吉利尔和彤康成立相隔几年')).toEqual(['吉利尔', '彤康成立']);
    // Sides said as clauses before the one asking.
    expect(comparisonSides('玉柱茶具进人民大会堂，和吉利尔创立，谁在前？')).toEqual(['玉柱茶具进人民大会堂', '吉利尔创立']);
    expect(comparisonSides('彤康的年产能，跟阳城的蚕茧产量比，哪个更重？')).toEqual(['彤康的年产能', '阳城的蚕茧产量']);
    expect(comparisonSides('Who has more firms: the companies Lingchuan attracted, or Zezhou’s foundries?')).toEqual(['companies Lingchuan attracted', 'Zezhou’s foundries']);
    expect(parseQuestion('沁水的合作社和泽州的企业，哪边家数多？', 0, false).operation).toBe('compare');
    expect(parseQuestion('Which goes back further: Gaoping silk or Yangcheng ceramics?', 2, true).operation).toBe('compare');
    expect(comparisonSides('Which town has more firms, Zezhou or Gaoping?')).toEqual(['Zezhou', 'Gaoping']);
    expect(comparisonSides('How many more firms does Zezhou have than Gaoping?')).toEqual(['Zezhou have', 'Gaoping']);
    expect(parseQuestion('占全市的比重和占全省的比重差几个百分点？', 0, false).operation).toBe('difference');
    expect(comparisonSides('出栏量是屠宰量的几倍？')).toEqual(['出栏量', '屠宰量']);
    expect(parseQuestion('出栏量是屠宰量的几倍？', 0, false)).toMatchObject({ operation: 'difference', ratio: true });
  });

  it('reads the comparative asked, not the 少 of 多少, and its direction', () => {
    expect(comparativeWord('陵川和阳城哪个产值更高？')).toBe('高');
    expect(comparativeWord('吉利尔比彤康早成立多少年？')).toBe('早');
    // 比重 (a share) is no 比 of a comparison.
    expect(comparativeWord('蚕茧产量占全市的比重和占全省的比重，哪个更高？')).toBe('高');
    // (The 重 of a 比重 inside the span after 比 is no comparative.)
    expect(comparativeWord('养蚕量占全市的比重比占全省的比重高出几个百分点？')).toBe('高');
    expect(comparativeWord('出栏和屠宰哪个少？')).toBe('少');
    expect(comparativeWord('高平生猪出栏多少头？')).toBe('');
    expect(comparativeWord('高平的猪多还是阳城的蚕多？')).toBe('多');
    expect(parseQuestion('吉利尔比彤康早成立多少年？', 0, false).direction).toBe('max');
    expect(parseQuestion('出栏和屠宰哪个少？', 0, false).direction).toBe('min');
  });

  const fact = (over: Partial<Fact>): Fact => ({
    kind: 'quantity', text: '', value: 0, unit: '头', family: 'animals', approx: false, items: [], role: '', before: '', after: '', clause: '', clauseStart: 0, sentence: 0, when: '', ...over,
  });
  const located = (f: Fact, town: string): LocatedFact => ({ fact: f, chunk: { meta: { town } } as LocatedFact['chunk'], fit: 1, score: 1 });
  const parsed: ParsedQuestion = { operation: 'difference', answerType: 'quantity', unitFamily: null, unit: '', attributes: [], direction: 'max', byTime: false, superlative: '', comparative: '', ratio: false, claims: false, english: false };

  it('computes a difference from the cited figures and names them', () => {
    const a = located(fact({ text: '85万头', value: 850000, before: '生猪出栏', clause: '生猪出栏85万头' }), '高平生猪');
    const b = located(fact({ text: '38.8万头', value: 388000, before: '生猪出栏', clause: '生猪出栏38.8万头' }), '高平生猪');
    const marks = new Map([[a, '[1]'], [b, '[2]']]);
    expect(compareFacts([b, a], ['屠宰', '出栏'], parsed, (f) => marks.get(f)!, 2022)).toBe('出栏更多，相差46.2万头：生猪出栏85万头[1]；屠宰：生猪出栏38.8万头[2]。');
  });

  it('refuses to compare a yearly output with a stock', () => {
    const out = located(fact({ value: 850000, before: '生猪出栏', clause: '生猪出栏85万头' }), 'A');
    const stock = located(fact({ value: 200000, unit: '只', before: '黑山羊饲养量达到', clause: '黑山羊饲养量达到20万只' }), 'B');
    expect(compareFacts([out, stock], ['A', 'B'], parsed, () => '[1]', 2022)).toMatch(/^这些数字口径不同，不能直接比较/);
  });

  it('formats amounts with 万 and 亿', () => {
    expect([formatChinese(462000, '头'), formatChinese(3e8, '亿元'), formatChinese(12, '年')]).toEqual(['46.2万头', '3亿元', '12年']);
  });
});

describe('asked attribute', () => {
  it('takes the words next to the question word', async () => {
    const { askedWords, statesAsked } = await import('./asked-attribute.js');
    expect(askedWords('沁水黑山羊2021年出栏了多少只？', ['出栏'])).toEqual(['出栏']);
    expect(statesAsked('2021年，全县黑山羊饲养量达到20万只。', ['出栏'], '沁水黑山羊2021年出栏了多少只？')).toBe(false);
    expect(statesAsked('2022年，生猪出栏85万头，居全省第一。', ['出栏'], '高平生猪出栏多少头？')).toBe(true);
    // A figure for the province does not answer a question about the country.
    expect(statesAsked('养蚕张数、蚕茧产量占全市总量的90.7%，占全省总量的86.8%。', [], '阳城蚕茧产量占全国的比重是多少？')).toBe(false);
  });
});

describe('claims', () => {
  it('marks a question that claims something and asks whether it holds', () => {
    expect(parseQuestion('沁水的蜂农比合作社多吗？', 1, false)).toMatchObject({ operation: 'compare', claims: true });
    expect(parseQuestion('沁水的蜂农和合作社哪个多？', 1, false)).toMatchObject({ operation: 'compare', claims: false });
    expect(parseQuestion('Is Tongkang older than Jilier?', 0, true)).toMatchObject({ operation: 'compare', claims: true });
    expect(parseQuestion("Is Gaoping's pig output or Qinshui's goat stock larger?", 2, true)).toMatchObject({ operation: 'compare', claims: false });
  });

  it('reads a bound with 了 before its figure', () => {
    expect(boundBefore('是不是超过了6000元', '是不是超过了'.length)).toBe('>');
    expect(boundBefore('是不是不到了6000元', '是不是不到了'.length)).toBe('<');
    // 过 alone is a bound (过一万了吗); 通过 / 经过 are not.
    expect(boundBefore('挣的钱过10000元了吗', '挣的钱过'.length)).toBe('>');
    expect(boundBefore('通过1000亩', '通过'.length)).toBe(null);
  });
});

describe('attributeFamilies', () => {
  it('does not read a year and the verb after it as one word (22年产的 is not 年产)', () => {
    expect(attributeFamilies('阳城22年产的蚕茧').map((f) => f.name)).not.toContain('capacity');
    expect(attributeFamilies('年产多少吨').map((f) => f.name)).toContain('capacity');
    // How old a thing is, said as 古老 or 年头, asks its history.
    expect(attributeFamilies('哪个传统更古老').map((f) => f.name)).toContain('history');
    expect(attributeFamilies('谁的年头更长').map((f) => f.name)).toContain('history');
    // 名头 / 名气: the honours a thing is known by.
    expect(attributeFamilies('铸造这块儿有啥名头').map((f) => f.name)).toContain('honours');
  });
});
