// Tests of question analysis: content words, numbers, units, time questions, Latin detection.
import { describe, expect, it } from 'vitest';
import { expandQuery, type Lexicon } from '../index/index.js';
import { overridesLexicon } from '../test-support/overrides-lexicon.js';
import { actionsAsked, isCountingVerb, askedOrganisationKind, namesOtherOfKind, scopeAsArticlesSay, severalAsMany, whichTypos, withoutPoliteness, asClaimAsked, askedUnit, countedHead, hasDate, hasNumberWithUnit, hasQuantity, isMostlyLatin, knownCore, listCategory, mergeSingleChars, questionTerms } from './question-terms.js';

/** questionTerms as the chain calls it: the question expanded through a lexicon (here: hand-written English only). */
const terms = (question: string, lexicon: Lexicon = overridesLexicon({})) => questionTerms(question, expandQuery(question, lexicon));

describe('questionTerms', () => {
  it('drops a numeral with its classifier (一座, 一份)', () => {
    expect(terms('沁水建了一座什么主题的博物馆？').words).not.toContain('一座');
    expect(terms('全省头一份的智能玩意儿是啥？').words).toEqual(['全省', '智能', '玩意儿']);
  });

  it('drops a demonstrative for a place (那块儿, 这一块): where, not what', () => {
    expect(terms('陵川那块儿种药材的地有多大一片').words).not.toContain('块');
    expect(terms('陵川那块儿种药材的地有多大一片').words).not.toContain('块儿');
  });

  it('drops the kind of place a which-word asks (哪个县), which every county sentence says (全县)', () => {
    expect(terms('哪个县的蜂农最多').words).not.toContain('县');
    expect(terms('哪一个镇历史最久').words).not.toContain('镇');
    expect(terms('沁水县的蜂农有多少户').words).toContain('沁水县');
  });

  it('drops the spoken suffix 儿 after a word (名儿), not 儿 inside a word (儿童)', () => {
    expect(terms('那个品种叫个啥名儿').words).not.toContain('儿');
    expect(terms('有多少儿童').words).toContain('儿童');
  });

  it('drops a directional complement after its verb (酿出来), not one standing alone', () => {
    expect(terms('一年能酿出来多少山楂红酒').words).not.toContain('出来');
    expect(terms('出来的是什么').words).toContain('出来');
    // A light verb with its result says as little as the verb.
    expect(terms('中药材做成了哪些深加工产品').words).toEqual(['中药材', '深加工', '产品']);
  });

  it('keeps the content words and drops function and question words (的, 有, 多少)', () => {
    expect(terms('沁水县的蜂农有多少户？')).toMatchObject({
      words: ['沁水县', '蜂农'],
      numbers: [],
      asksNumber: true,
      asksWhen: false,
      unit: '户',
      english: false,
    });
  });

  it('drops courtesy words and particles (请问, 哪些, 呢)', () => {
    expect(terms('请问泽州县有哪些铸造企业呢？').words).toEqual(['泽州县', '铸造', '企业']);
  });

  it('keeps the noun of a question phrase the dictionary has whole (哪些项目 -> 项目)', () => {
    expect(terms('阳城这几年建成了哪些项目？').words).toEqual(['阳城', '建成', '项目']);
  });

  it('drops a word contained in a longer content word (沁水 inside 沁水县, 中药 inside 中药材)', () => {
    const { words } = terms('陵川县的中药材有多少种？');
    expect(words).toEqual(['陵川县', '中药材']);
    expect(words).not.toContain('陵川');
    expect(words).not.toContain('中药');
  });

  it('has no content words for a question made only of stopwords', () => {
    expect(terms('的了吗呢？')).toMatchObject({ words: [], numbers: [], asksNumber: false, asksWhen: false, unit: '' });
  });

  it('keeps numbers apart from words', () => {
    const t = terms('沁水黑山羊饲养量达到20万只是在哪一年？');
    expect(t.numbers).toEqual(['20']);
    expect(t.words).not.toContain('20');
    // (…each with the classifier it is counted in, when one follows it, past a magnitude: 20万只.)
    expect(t.numberUnits).toEqual(['只']);
    expect(terms('陵川中药材超过500多种了吗？').numberUnits).toEqual(['种']);
    expect(t.words).toEqual(expect.arrayContaining(['沁水', '黑山羊', '饲养量']));
  });

  it('folds Traditional characters before cutting words', () => {
    expect(terms('陵川中藥材種類有多少種？')).toMatchObject({ words: ['陵川', '中药材', '种类'], unit: '种' });
  });

  it('folds full-width Latin letters to lower-case half width', () => {
    expect(terms('ＧＡＰ基地在哪里？').words).toEqual(['gap', '基地']);
  });

  it('merges the single characters of an unknown name back into one word (凯永)', () => {
    expect(terms('凯永集团和山西大学是什么关系？').words).toEqual(['凯永', '集团', '山西大学', '关系']);
  });

  describe('unit detection', () => {
    it.each([
      ['沁水县的蜂农有多少户？', '户'],
      ['彤康公司有几家？', '家'],
      ['泽州山楂已经种了多少年？', '年'],
      ['阳城蚕茧产量多少万公斤？', '万公斤'],
      ['陵川中藥材種類有多少種？', '种'],
      ['泽州有几户人家种山楂？', '户'],
    ])('finds the unit after 多少/几 in %s', (question, unit) => {
      const t = terms(question);
      expect(t.unit).toBe(unit);
      expect(t.asksNumber).toBe(true);
    });

    it('has no unit when 多少 is not followed by a unit', () => {
      expect(terms('阳城蚕桑综合产值是多少？')).toMatchObject({ unit: '', asksNumber: true });
    });

    it('does not take a generic classifier (个, 名) for a unit, but still asks for a number', () => {
      expect(terms('阳城有几个行政村养蚕')).toMatchObject({ unit: '', asksNumber: true });
      expect(terms('阳城陶瓷厂有多少名工人？')).toMatchObject({ unit: '', asksNumber: true });
    });

    it('has no unit and no number request for a time question, even with 只 after a number', () => {
      expect(terms('沁水黑山羊饲养量达到20万只是在哪一年？')).toMatchObject({ unit: '', asksNumber: false, asksWhen: true });
    });
  });

  describe('asksList and asksAuthor', () => {
    it.each(['陵川创新开发出了哪些深加工产品？', '高平有哪几个专业镇？', '泽州和高平分别有什么特产？'])('asksList is true for %s', (question) => {
      expect(terms(question).asksList).toBe(true);
    });

    it('asksList is false for a single-fact question', () => {
      expect(terms('沁水县的蜂农有多少户？').asksList).toBe(false);
    });

    it.each(['高平生猪这篇报道的作者是谁？', '沁水蜂蜜的文章是谁写的？', 'Who wrote the article about Gaoping pigs?', 'Which reporter covered the Lu silk town?'])('asksAuthor is true for %s', (question) => {
      expect(terms(question).asksAuthor).toBe(true);
    });

    it('asksAuthor is false for a question about a person in the news', () => {
      expect(terms('沁水县的县长是谁？').asksAuthor).toBe(false);
    });
  });

  describe('asksWhen', () => {
    it.each(['吉利尔潞绸集团是哪一年创办的？', '彤康公司哪年成立？', '高平生猪什么时候入选专业镇', '潞绸何时成为非遗？', 'When was the silk group founded?', 'What year was Tongkang founded?'])(
      'is true for %s',
      (question) => {
        const t = terms(question);
        expect(t.asksWhen).toBe(true);
        expect(t.asksNumber).toBe(false);
      },
    );

    it.each(['沁水县的蜂农有多少户？', '泽州山楂红酒的链主企业是哪家？', 'How many beekeepers are there in Qinshui?'])('is false for %s', (question) => {
      expect(terms(question).asksWhen).toBe(false);
    });
  });

  describe('English questions', () => {
    const glossary = overridesLexicon({
      beekeeper: ['蜂农'],
      qinshui: ['沁水'],
      silk: ['丝绸', '潞绸'],
      founded: ['创始', '成立'],
      when: ['年'],
    });

    it('uses the glossary expansions as words and drops the English words', () => {
      expect(terms('How many beekeepers are there in Qinshui?', glossary)).toMatchObject({
        words: ['蜂农', '沁水'],
        numbers: [],
        asksNumber: true,
        asksWhen: false,
        unit: '',
        english: true,
      });
    });

    it('marks a "when" question as a time question; the expansion 年 is a stopword', () => {
      expect(terms('When was the silk group founded?', glossary)).toMatchObject({
        words: ['丝绸', '潞绸', '创始', '成立'],
        asksWhen: true,
        english: true,
      });
    });

    it('has no words for an English question the glossary knows nothing of', () => {
      expect(terms('Can you recommend a good laptop?', glossary)).toMatchObject({ words: [], english: true });
    });
  });
});

describe('mergeSingleChars', () => {
  it('joins a run of single Han characters into one word (a typo like 山渣)', () => {
    expect(mergeSingleChars(['泽州', '山', '渣', '的', '品种'])).toEqual(['泽州', '山渣', '的', '品种']);
  });

  it('joins an unknown name cut into characters (凯 永 -> 凯永)', () => {
    expect(mergeSingleChars(['凯', '永', '集团'])).toEqual(['凯永', '集团']);
  });

  it('does not join across a stopword character and leaves Latin letters alone', () => {
    expect(mergeSingleChars(['a', 'b', '高', '的', '平'])).toEqual(['a', 'b', '高', '的', '平']);
  });

  it('keeps multi-character words and an empty list as they are', () => {
    expect(mergeSingleChars(['高平', '生猪'])).toEqual(['高平', '生猪']);
    expect(mergeSingleChars([])).toEqual([]);
  });
});

describe('hasNumberWithUnit', () => {
  it.each([
    ['2022年，生猪出栏85万头', '头'],
    ['2022年，生猪出栏85万头', '万头'],
    ['泽州山楂栽培历史已有300多年', '年'],
    ['拥有200余万亩优质蜜源植物资源', '亩'],
    ['该县共发种3.56万张', '张'],
    ['中药材种植业年产值突破5.28亿元', '亿元'],
    ['中药材种植业年产值突破5.28亿元', '元'],
    ['实现蚕茧产量167.7万公斤', '公斤'],
    ['全县蜂农达1500户', '户'],
    ['解决了上千人劳动就业问题', '人'],
  ])('finds a number with its unit in %s (unit %s)', (text, unit) => {
    expect(hasNumberWithUnit(text, unit)).toBe(true);
  });

  it.each([
    ['2022年，生猪出栏85万头', '只'],
    ['是全国八大红果产地之一', '种'],
    ['被称为“山楂王”', '年'],
    ['吉利尔潞绸集团创始于1958年', '年'],
  ])('finds no number followed by the unit in %s (unit %s)', (text, unit) => {
    expect(hasNumberWithUnit(text, unit)).toBe(false);
  });
});

describe('hasQuantity and hasDate', () => {
  it('does not count a year as a quantity', () => {
    expect(hasQuantity('吉利尔潞绸集团创始于1958年')).toBe(false);
    expect(hasDate('吉利尔潞绸集团创始于1958年')).toBe(true);
  });

  it('counts a quantity beside a year', () => {
    expect(hasQuantity('2022年，生猪出栏85万头')).toBe(true);
  });

  it('does not count a month as a quantity, but counts it as a date', () => {
    expect(hasQuantity('截至今年4月')).toBe(false);
    expect(hasDate('截至今年4月')).toBe(true);
  });

  it('has no date in a plain quantity', () => {
    expect(hasDate('拥有铸造企业30家')).toBe(false);
  });

  it('counts a quantity written in Chinese numerals (上千人)', () => {
    expect(hasQuantity('解决了上千人劳动就业问题')).toBe(true);
  });

  it('has no quantity in a sentence without numbers', () => {
    expect(hasQuantity('被称为“山楂王”，是国家农产品地理标志')).toBe(false);
  });

  it('does not count a decade (20世纪70年代) as a quantity', () => {
    expect(hasQuantity('20世纪70年代，阳城陶瓷厂所产的玉柱茶具被人民大会堂宴会厅选用')).toBe(false);
  });

  it('counts a decade as a date', () => {
    expect(hasDate('20世纪70年代')).toBe(true);
    expect(hasDate('明清时期，阳城陶瓷产业达到极盛')).toBe(true);
  });
});

describe('isMostlyLatin', () => {
  it.each([
    ['How many pigs did Gaoping sell?', true],
    ['How many pigs 高平', true],
    ['高平生猪 pig', false],
    ['陵川中药材', false],
    ['12345', false],
    ['', false],
  ])('%s -> %s', (text, expected) => {
    expect(isMostlyLatin(text)).toBe(expected);
  });

  it('needs more than twice as many Latin letters as Han characters', () => {
    expect(isMostlyLatin('abcd高平')).toBe(false);
    expect(isMostlyLatin('abcde高平')).toBe(true);
  });
});

describe('knownCore', () => {
  const known = new Set(['蜜蜂', '茧', '蚕茧']);
  const idf = (w: string) => (known.has(w) ? 2 : 0);

  it('reads an unknown three-character word as the known word inside it', () => {
    expect(knownCore('养蜜蜂', idf)).toBe('蜜蜂');
    // 出栏量比屠宰量 cut as 出栏/量比/屠宰/量: the fragment across 比 is its other part; 比例 is a word.
    expect(knownCore('量比', idf)).toBe('量');
    expect(knownCore('钱离', idf)).toBe('钱');
    expect(knownCore('比例', idf)).toBe('比例');
  });

  it('reads an unknown noun with a suffix as its known stem', () => {
    expect(knownCore('茧子', idf)).toBe('茧');
    expect(knownCore('桌子', idf)).toBe('桌子'); // 桌 unknown too
  });

  it('keeps known and longer words', () => {
    expect(knownCore('蚕茧', idf)).toBe('蚕茧');
    expect(knownCore('高新技术', idf)).toBe('高新技术');
  });
});

describe('listCategory', () => {
  it('finds the noun whose members a list or count asks for, at the end of the question', () => {
    expect(listCategory('蜂业产业体系包含几个环节?')).toBe('环节');
    expect(listCategory('阳城陶瓷现在有哪些类产品')).toBe('产品');
    expect(listCategory('陵川有几个国家地理标志证明商标?')).toBe('');
  });
});

describe('countedHead', () => {
  it('says the head noun of the counted phrase after the question word', () => {
    expect(countedHead('有多少养蜂的人家')).toBe('有多少养蜂的人家 多少人家');
    expect(countedHead('有多少养羊户？')).toBe('有多少养羊户？ 多少户');
    expect(askedUnit('沁水有多少养蜂的人家？', '')).toBe('户');
    expect(countedHead('沁水有多少养蜂人家？')).toBe('沁水有多少养蜂人家？ 多少人家');
  });
  it('leaves a measure word after the question word as it is', () => {
    expect(countedHead('用了几台机器人')).toBe('用了几台机器人');
    expect(countedHead('带动了多少万人')).toBe('带动了多少万人');
    expect(countedHead('有多少农户')).toBe('有多少农户 多少户');
    expect(countedHead('产值是多少')).toBe('产值是多少');
  });
});

describe('actionsAsked', () => {
  it('finds the phrase asking what was done or came of it, pro-verb and pro-noun together', () => {
    expect(actionsAsked('陵川主要干了哪几件事')).toBe('干了哪几件事');
    expect(actionsAsked('沁水为此做了些什么')).toBe('做了些什么');
    expect(actionsAsked('吉利尔主要做什么产品')).toBe('');
    expect(actionsAsked('引进机器人有啥好处')).toBe('啥好处');
    expect(actionsAsked('泽州采取了哪些措施')).toBe('哪些措施');
  });

  it('finds none in a question asking a thing, a figure or a name', () => {
    expect(actionsAsked('彤康开发了哪些产品')).toBe('');
    expect(actionsAsked('做大做强靠什么产业')).toBe('');
    expect(actionsAsked('阳城有什么招商政策')).toBe('');
  });
});

describe('whichTypos', () => {
  it('reads 那 before a closing comparative as the 哪 it was typed for', () => {
    expect(whichTypos('彤康和吉利尔比，那个早？')).toBe('彤康和吉利尔比，哪个早？');
    expect(whichTypos('沁水和阳城，那边户数多？')).toBe('沁水和阳城，哪边户数多？');
  });

  it('leaves 那 pointing at something', () => {
    expect(whichTypos('那个博览会办了几届？')).toBe('那个博览会办了几届？');
    expect(whichTypos('那家公司产值多少')).toBe('那家公司产值多少');
  });
});

describe('English translations as words', () => {
  it('keeps each translated word apart: one-character translations are no name cut into characters', () => {
    const terms = questionTerms('Why is the meat so good?', 'Why is the meat so good? 肉 好');
    expect(terms.words).toEqual(expect.arrayContaining(['肉', '好']));
    expect(terms.words).not.toContain('肉好');
  });
});

describe('severalAsMany', () => {
  it('reads 好几 / 好些 as the 多 the articles write, no question word 几', () => {
    expect(severalAsMany('办了好几届的博览会叫什么')).toBe('办了多届的博览会叫什么');
    expect(severalAsMany('有几届')).toBe('有几届');
  });
});

describe('scopeAsArticlesSay', () => {
  it('reads a province or the country named with 在 before a ranking as 全省 / 全国, and leaves titles alone', () => {
    expect(scopeAsArticlesSay('出栏量在山西排第几')).toBe('出栏量在全省排第几');
    expect(scopeAsArticlesSay('在山西省内名列第几')).toBe('在全省名列第几');
    expect(scopeAsArticlesSay('在国内算数一数二吗')).toBe('在全国算数一数二吗');
    expect(scopeAsArticlesSay('山西第一养蜂大县是哪个县')).toBe('山西第一养蜂大县是哪个县');
    expect(scopeAsArticlesSay('在山西哪里')).toBe('在山西哪里');
  });
});

describe('withoutPoliteness', () => {
  it('drops how a request is put, keeping its verb', () => {
    expect(withoutPoliteness('能不能把首批市级专业镇都列出来？')).toBe('把首批市级专业镇都列出来？');
    expect(withoutPoliteness('可不可以告诉我高平生猪出栏多少？')).toBe('告诉我高平生猪出栏多少？');
    // Not a question of whether something can be (no request verb follows).
    expect(withoutPoliteness('高平生猪出栏能不能超过百万头？')).toBe('高平生猪出栏能不能超过百万头？');
  });
});

describe('asClaimAsked', () => {
  it('reads a claim put for confirmation as its yes/no question', () => {
    expect(asClaimAsked('沁水有1500户蜂农，对吧？')).toBe('沁水有1500户蜂农吗？');
    expect(asClaimAsked('彤康是2007年成立的，我没记错吧？')).toBe('彤康是2007年成立的吗？');
    expect(asClaimAsked('泽州山楂种了三百多年了？是真的不')).toBe('泽州山楂种了三百多年了吗？');
    expect(asClaimAsked('高平生猪出栏100万头，是不是？')).toBe('高平生猪出栏100万头吗？');
    // Already a yes/no question, or no claim at all.
    expect(asClaimAsked('故宫琉璃瓦有90%是阳城造的，对吗？')).toBe('故宫琉璃瓦有90%是阳城造的，对吗？');
    expect(asClaimAsked('沁水蜂农有多少户？')).toBe('沁水蜂农有多少户？');
  });
});

describe('the kind of organisation asked', () => {
  const translations = (w: string) => ({ university: ['大学'], company: ['公司', '企业'], town: ['镇'] })[w] ?? [];
  it('reads 哪所大学 / which university as the kind asked, nothing for other nouns', () => {
    expect(askedOrganisationKind('凯永集团和哪所大学合作？', translations)).toBe('大学');
    expect(askedOrganisationKind('Which company makes the brandy?', translations)).toBe('公司');
    expect(askedOrganisationKind('Which town makes the brandy?', translations)).toBe('');
    expect(askedOrganisationKind('凯永集团在哪个镇？', translations)).toBe('');
  });
  it('finds a sentence naming one of that kind the question does not name', () => {
    expect(namesOtherOfKind('和山西大学进行产学研合作', '大学', '凯永集团和哪所大学合作')).toBe(true);
    expect(namesOtherOfKind('和山西大学进行产学研合作', '大学', '凯永和山西大学合作过吗')).toBe(false);
    expect(namesOtherOfKind('大学生返乡创业', '大学', '哪所大学')).toBe(false);
  });
});

describe('isCountingVerb', () => {
  it('reads 数 / 算 said as counting (数下来, 算一算, 数了数) as the operation, not 数 of 度数', () => {
    expect(isCountingVerb('数', '从头到尾数下来有几个环节')).toBe(true);
    expect(isCountingVerb('算', '算一算有多少家')).toBe(true);
    expect(isCountingVerb('数', '数了数有几个')).toBe(true);
    expect(isCountingVerb('数', '有几种不同的酒精度数')).toBe(false);
    expect(isCountingVerb('数量', '数量下来了吗')).toBe(false);
  });
});
