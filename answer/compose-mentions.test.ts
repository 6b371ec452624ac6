import { describe, expect, it } from 'vitest';
import { mentionPhrase, quotedMentionPattern } from './compose-mentions.js';

describe('quotedMentionPattern', () => {
  it('reads a quoted term whose bearers are asked, before or after it', () => {
    expect(quotedMentionPattern('整版里说到的“唯一”都有哪些？')?.source).toBe('唯一');
    expect(quotedMentionPattern('带“国家”两个字的都有哪些？')?.source).toBe('国家');
    expect(quotedMentionPattern('被叫作“龙头”的企业都有谁？')?.source).toBe('龙头');
    expect(quotedMentionPattern('有哪些是“首个”的？')?.source).toBe('首个');
    expect(quotedMentionPattern('带“之乡”的名号一共出现了几个？')?.source).toBe('之乡');
  });

  it('reads a placeholder as a name and 全省 as the province named too', () => {
    const xx = quotedMentionPattern('哪些地方被叫做“XX之乡”？')!;
    expect('素有“中国铸造之乡”的美誉'.match(xx)).toEqual(['中国铸造之乡']);
    expect('是著名的陶瓷之乡'.match(quotedMentionPattern('哪些地方被叫做“XX之乡”？')!)).toEqual(['陶瓷之乡']);
    expect('引进山西省唯一的国审白猪品种'.match(quotedMentionPattern('有哪些是“全省唯一”的？')!)).toEqual(['山西省唯一']);
  });

  it('leaves a question that asks something else of what it quotes', () => {
    expect(quotedMentionPattern('“泽州红”有哪些特点？')).toBeNull();
    expect(quotedMentionPattern('“陵五味”是哪五味？')).toBeNull();
    expect(quotedMentionPattern('沁水黑山羊有哪些荣誉？')).toBeNull();
  });
});

describe('mentionPhrase', () => {
  it('gives the item of an enumeration holding the term, or the whole enumeration its last item closes', () => {
    const s = '高平先后建设了全省规模最大的种猪繁育基地、全省唯一国家核心育种场、国家种公猪站。';
    expect(mentionPhrase(s, s.indexOf('唯一'), 2)).toBe('全省唯一国家核心育种场');
    const t = '成功招引九州天润公司、山西兰花、山西国新能源等15家龙头企业落地生根。';
    expect(mentionPhrase(t, t.indexOf('龙头'), 2)).toBe('成功招引九州天润公司、山西兰花、山西国新能源等15家龙头企业落地生根');
  });

  it('cuts a long clause around the term, not inside a quotation it would leave open', () => {
    const s = '初步形成了以凯永集团为龙头的集“饲料加工——核心育种——种猪扩繁——生猪繁育——生猪屠宰”的生猪全产业链发展模式';
    expect(mentionPhrase(s, s.indexOf('龙头'), 2)).toBe('初步形成了以凯永集团为龙头的集');
  });
});
