import { describe, expect, it } from 'vitest';
import { askedByPhrase, contractions, FAMILY_FORM_WEIGHT, familyForms, sharesHead } from './word-forms.js';
import { unknownShare, weightedCoverage, wordMatch } from './compose-extractive.js';

describe('familyForms', () => {
  it('gives a colloquial word the fact words of the attribute family its phrase asks for', () => {
    const forms = familyForms('阳城的陶瓷啥时候最火？', ['阳城', '陶瓷', '最火']);
    expect(forms.get('最火')?.map((f) => f.form)).toContain('极盛');
    expect(forms.has('陶瓷')).toBe(false);
  });

  it('reaches a word cut out of a longer family phrase (开 in 开起来)', () => {
    const forms = familyForms('那家酒厂是哪年开起来的？', ['酒厂', '开']);
    expect(forms.get('开')?.map((f) => f.form)).toContain('成立');
    expect(forms.get('酒厂')?.map((f) => f.form)).toContain('公司');
  });

  it('gives nothing when no family phrase is in the question', () => {
    expect(familyForms('黑山羊是什么颜色？', ['黑山羊', '颜色']).size).toBe(0);
  });
});

describe('contractions', () => {
  it('gives two words side by side the contraction of their first characters when the corpus has it', () => {
    const known = (w: string) => ['主营', '主产'].includes(w);
    expect(contractions('吉利尔主要经营哪些产品', ['吉利尔', '经营', '产品'], known)).toEqual([['经营', '主营']]);
    expect(contractions('主要生产什么', ['生产'], known)).toEqual([['生产', '主产']]);
    expect(contractions('主要在哪经营', ['经营'], known)).toEqual([]);
  });

  it('contracts two words to their last characters, and a verb with the object it counts', () => {
    const known = (w: string) => ['年均', '发种'].includes(w);
    expect(contractions('一年平均能挣多少钱', ['平均', '挣'], known)).toEqual([['平均', '年均']]);
    // 发放了多少张蚕种: both words are said by 发种.
    expect(contractions('一共发放了多少张蚕种', ['发放', '蚕种'], known)).toEqual([['蚕种', '发种'], ['发放', '发种']]);
    // …only across a count: 发放蚕种的时间 has no 多少 between them, and 蚕种 is not contracted with a word far off.
    expect(contractions('发放的是什么蚕种', ['发放', '蚕种'], known)).toEqual([]);
    // A noun then its verb (蚕种发放量) is said by the verb–object word too, for both.
    expect(contractions('2022年蚕种发放量是多少张', ['蚕种', '发放'], known)).toEqual([['发放', '发种'], ['蚕种', '发种']]);
  });
});

describe('askedByPhrase', () => {
  it('gives the fact words of a family asked only by a phrase no question word lies in', () => {
    expect(askedByPhrase('彤康开在什么地方', ['彤康', '开'])).toEqual(expect.arrayContaining(['位于', '坐落']));
    expect(askedByPhrase('出栏量在全省排第几', ['出栏量', '全省'])).toContain('位居');
    // A lone character inside the phrase (卖 of 主要卖) is too little to be the word that asks it.
    expect(askedByPhrase('吉利尔主要卖什么', ['吉利尔', '卖'])).toContain('主营');
    // 最火 is a question word of its own: its forms go to it (familyForms), not to every sentence.
    expect(askedByPhrase('阳城陶瓷什么时候最火', ['阳城', '陶瓷', '最火'])).toEqual([]);
  });
});

describe('matching through forms', () => {
  const forms = [{ form: '极盛', weight: FAMILY_FORM_WEIGHT }];
  it('credits a form the text has, with its weight', () => {
    expect(wordMatch('最火', '阳城陶瓷产业达到极盛', true, forms)).toBe(FAMILY_FORM_WEIGHT);
    expect(wordMatch('最火', '阳城陶瓷产业', true, forms)).toBe(0);
  });

  it('counts the form in coverage and not as an unknown word', () => {
    const o = { idf: () => 0, unknownWeight: 4, forms: () => forms };
    expect(weightedCoverage(['最火'], '产业达到极盛', o)).toBe(FAMILY_FORM_WEIGHT);
    expect(unknownShare(['最火'], '产业达到极盛', o)).toBe(0);
    expect(unknownShare(['最火'], '产业', o)).toBe(1);
  });
});

describe('sharesHead', () => {
  it('finds a word by its last morpheme (a noun head or a verb-object object)', () => {
    expect(sharesHead('养蜂', '全县蜂农达1500户')).toBe(true);
    expect(sharesHead('蜜蜂', '全县蜂农达1500户')).toBe(true);
    expect(sharesHead('养羊', '全县蜂农达1500户')).toBe(false);
    expect(sharesHead('蜂', '全县蜂农达1500户')).toBe(false);
    expect(sharesHead('bees', 'bees')).toBe(false);
  });
  it("reads an activity's industry (养蜂业, 养羊产业) by the activity's head", () => {
    expect(sharesHead('养蜂业', '全县蜂农达1500户')).toBe(true);
    expect(sharesHead('养羊产业', '养羊户达到了1000户')).toBe(true);
    expect(sharesHead('养蜂业', '养羊户达到了1000户')).toBe(false);
  });
});
