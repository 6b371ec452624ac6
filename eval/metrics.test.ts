// Tests of the eval metrics: normalisation, answer matching, character F1, evidence rank, citation checks, answer length, first sentence, percentiles.
import { describe, expect, it } from 'vitest';
import {
  answerChars,
  answerMatches,
  charF1,
  citationsSupport,
  containsAnswer,
  evidenceRank,
  firstSentence,
  longestCommon,
  normalizeAnswer,
  overlapsEvidence,
  percentile,
  stripMarkers,
} from './metrics.js';

describe('normalizeAnswer', () => {
  it('removes all whitespace, including newlines and the ideographic space', () => {
    expect(normalizeAnswer(' 85 万头\n')).toBe('85万头');
    expect(normalizeAnswer('潞綢　織造')).toBe('潞绸织造');
  });

  it('turns full-width digits and letters into half width', () => {
    expect(normalizeAnswer('８５万头')).toBe('85万头');
    expect(normalizeAnswer('Ｇａｐ基地')).toBe('gap基地');
  });

  it('turns Traditional characters into Simplified', () => {
    expect(normalizeAnswer('陵川中藥材種植業')).toBe('陵川中药材种植业');
    expect(normalizeAnswer('８５萬頭')).toBe('85万头');
  });

  it('lower-cases Latin letters', () => {
    expect(normalizeAnswer('ＡＢＣ Def')).toBe('abcdef');
    expect(normalizeAnswer('GAP')).toBe('gap');
  });

  it('is empty for whitespace only', () => {
    expect(normalizeAnswer(' \n\t ')).toBe('');
  });
});

describe('answerMatches', () => {
  it('finds an acceptable answer inside a longer response', () => {
    expect(answerMatches('2022年，生猪出栏85万头，居全省第一；[1]', '85万头')).toBe(true);
  });

  it('fails when the answer is not in the response', () => {
    expect(answerMatches('生猪屠宰38.8万头', '85万头')).toBe(false);
  });

  it('matches across Traditional/Simplified, widths, case and whitespace', () => {
    expect(answerMatches('陵川中药材种植业年产值突破5.28亿元', '5.28億元')).toBe(true);
    expect(answerMatches('全县蜂农达１５００户', '1500 户')).toBe(true);
    expect(answerMatches('深入推进GAP基地建设', 'gap基地')).toBe(true);
  });

  it('needs every item of a 、 list, in any order', () => {
    expect(answerMatches('高平有生猪和潞绸两个专业镇', '潞绸、生猪')).toBe(true);
    expect(answerMatches('荆条蜂蜜、刺槐蜂蜜', '刺槐蜂蜜、荆条蜂蜜')).toBe(true);
  });

  it('fails a response that has only part of a 、 list', () => {
    expect(answerMatches('高平有潞绸专业镇', '潞绸、生猪')).toBe(false);
    expect(answerMatches('连翘药茶、黄芩苷、中药饮片', '连翘药茶、黄芩苷、中药饮片、中药牙膏')).toBe(false);
  });

  it('ignores empty list items and never matches an empty answer', () => {
    expect(answerMatches('潞绸', '潞绸、')).toBe(true);
    expect(answerMatches('anything', '')).toBe(false);
    expect(answerMatches('anything', '、')).toBe(false);
    expect(answerMatches('anything', '  ')).toBe(false);
  });
});

describe('charF1', () => {
  it('is 1 for identical texts after normalisation', () => {
    expect(charF1('85万头', '85万头')).toBe(1);
    expect(charF1('８５ 萬頭', '85万头')).toBe(1);
  });

  it('is 2/3 when two of three characters are shared both ways', () => {
    expect(charF1('abc', 'abd')).toBeCloseTo(2 / 3, 12);
  });

  it('counts repeated characters at most as often as the reference has them', () => {
    // common 2 (a, b): precision 2/3, recall 1
    expect(charF1('aab', 'ab')).toBeCloseTo(0.8, 12);
  });

  it('penalises a long response through precision', () => {
    // response 8 characters, reference 4, all 4 shared: precision 1/2, recall 1
    expect(charF1('生猪出栏85万头', '85万头')).toBeCloseTo(2 / 3, 12);
  });

  it('gives partial credit for a partial overlap', () => {
    // common 万, 头: precision 2/5, recall 2/4
    expect(charF1('八十五万头', '85万头')).toBeCloseTo(4 / 9, 12);
  });

  it('is 0 with no shared character or an empty side', () => {
    expect(charF1('abc', 'xyz')).toBe(0);
    expect(charF1('', '85万头')).toBe(0);
    expect(charF1('85万头', ' ')).toBe(0);
  });
});

describe('evidenceRank', () => {
  const passages = ['沁水县是千年古县。', '目前，全县蜂农达1500户，\n专业合作社30余家。', '全县蜂农达1500户'];

  it('is the 1-based rank of the first passage holding an evidence string', () => {
    expect(evidenceRank(passages, ['全县蜂农达1500户'])).toBe(2);
    expect(evidenceRank(passages, ['千年古县'])).toBe(1);
  });

  it('ignores whitespace on both sides', () => {
    expect(evidenceRank(passages, ['1500户，专业 合作社'])).toBe(2);
  });

  it('takes the best rank over several evidence strings', () => {
    expect(evidenceRank(passages, ['合作社30余家', '千年古县'])).toBe(1);
  });

  it('is null when no passage holds any evidence, or the evidence is blank', () => {
    expect(evidenceRank(passages, ['2023年'])).toBeNull();
    expect(evidenceRank(passages, ['  '])).toBeNull();
    expect(evidenceRank([], ['千年古县'])).toBeNull();
  });
});

describe('longestCommon', () => {
  it('is the length of the longest common substring', () => {
    expect(longestCommon('abcde', 'xbcdy')).toBe(3);
    expect(longestCommon('abc', 'xyz')).toBe(0);
    expect(longestCommon('', 'abc')).toBe(0);
  });
});

describe('overlapsEvidence', () => {
  it('is true when the snippet shares 8 consecutive characters with an evidence string', () => {
    expect(overlapsEvidence('全县蜂农达1500户，专业合作社30余家', ['目前，全县蜂农达1500户'])).toBe(true);
  });

  it('is false when the shared run is shorter than 8 characters', () => {
    expect(overlapsEvidence('全县蜂农达', ['蜂农达1500户'])).toBe(false);
  });

  it('needs only the whole evidence when it is shorter than 8 characters', () => {
    expect(overlapsEvidence('目前，全县蜂农达1500户', ['1500户'])).toBe(true);
    expect(overlapsEvidence('目前，全县蜂农达1500户', ['1600户'])).toBe(false);
  });

  it('ignores whitespace and blank evidence', () => {
    expect(overlapsEvidence('全县蜂农 达1500\n户', ['全县蜂农达1500户'])).toBe(true);
    expect(overlapsEvidence('anything', [' '])).toBe(false);
    expect(overlapsEvidence('anything', [])).toBe(false);
  });
});

describe('citationsSupport', () => {
  it('is true when a snippet contains an acceptable answer', () => {
    expect(citationsSupport(['沁水县是千年古县。', '目前，全县蜂农达1500户。'], ['1500户'], [])).toBe(true);
  });

  it('is true when a snippet contains an evidence string, whitespace ignored', () => {
    expect(citationsSupport(['全县蜂农达\n1500户'], ['一千五百户'], ['全县蜂农达1500户'])).toBe(true);
  });

  it('accepts a 、 list answer spread over one snippet in any order', () => {
    expect(citationsSupport(['是中国四大名蜜中荆条蜂蜜、刺槐蜂蜜主产区之一'], ['刺槐蜂蜜、荆条蜂蜜'], [])).toBe(true);
  });

  it('is false when no snippet has an answer or evidence, or there are no snippets', () => {
    expect(citationsSupport(['沁水县是千年古县。'], ['1500户'], ['全县蜂农达1500户'])).toBe(false);
    expect(citationsSupport([], ['1500户'], ['全县蜂农达1500户'])).toBe(false);
  });
});

describe('percentile', () => {
  it('is 0 for no values', () => {
    expect(percentile([], 50)).toBe(0);
  });

  it('takes the nearest rank of the sorted values', () => {
    const values = [4, 1, 3, 2];
    expect(percentile(values, 50)).toBe(2);
    expect(percentile(values, 95)).toBe(4);
    expect(percentile(values, 100)).toBe(4);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 91)).toBe(10);
  });

  it('is the value itself for a single value', () => {
    expect(percentile([7.5], 50)).toBe(7.5);
    expect(percentile([7.5], 95)).toBe(7.5);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('containsAnswer', () => {
  it('finds the whole string after normalisation, without splitting it on 、', () => {
    expect(containsAnswer('高平生猪出栏８５萬頭。', '85万头')).toBe(true);
    expect(containsAnswer('黄芩、路党参', '路党参、黄芩')).toBe(false);
    expect(containsAnswer('路党参、黄芩', '路党参、黄芩')).toBe(true);
  });

  it('never matches an empty string', () => {
    expect(containsAnswer('任何回答', ' ')).toBe(false);
  });
});

describe('stripMarkers and answerChars', () => {
  it('removes every [n] marker and the surrounding whitespace', () => {
    expect(stripMarkers(' 高平更多：85万头[1]，高于38.8万头[12]。 ')).toBe('高平更多：85万头，高于38.8万头。');
  });

  it('counts characters (code points) without the markers', () => {
    expect(answerChars('2022年，高平生猪出栏85万头。[1]')).toBe(17);
    expect(answerChars('abc[2]')).toBe(3);
    expect(answerChars('𠀀字[1]')).toBe(2);
    expect(answerChars('[1]')).toBe(0);
  });
});

describe('firstSentence', () => {
  it('ends at the first Chinese full stop, question or exclamation mark, markers removed', () => {
    expect(firstSentence('高平更高：85万头[1]。其中，凯永30多万头[2]。')).toBe('高平更高：85万头。');
    expect(firstSentence('有！沁水建了中国蜜蜂博物馆。')).toBe('有！');
  });

  it('does not end at a decimal point or a clause-ending semicolon', () => {
    expect(firstSentence('总投资3.5亿元；引进30台机器人。后文')).toBe('总投资3.5亿元；引进30台机器人。');
  });

  it('ends an English sentence at a full stop followed by a space, or at a line break', () => {
    expect(firstSentence('It was founded in 1958. 吉利尔潞绸集团创始于1958年[1]')).toBe('It was founded in 1958.');
    expect(firstSentence('第一行\n第二行')).toBe('第一行');
  });

  it('is the whole answer when it has no sentence end', () => {
    expect(firstSentence('85万头[1]')).toBe('85万头');
  });
});
