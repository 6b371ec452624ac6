// Tests for small-talk detection and its reply: greetings, thanks, identity and help; real questions are left alone.
import { describe, expect, it } from 'vitest';
import { detectSmallTalk, exampleQuestions, smallTalkReply, withoutGreeting } from './small-talk.js';

const TOWNS = ['泽州精密铸造', '泽州山楂红酒', '高平潞绸', '高平生猪', '阳城陶瓷琉璃(珐华)', '陵川中药材', '阳城蚕桑', '沁水黑山羊', '沁水蜂蜜'];

describe('detectSmallTalk', () => {
  it.each([
    ['你好', 'greeting'],
    ['您好！', 'greeting'],
    ['hi', 'greeting'],
    ['Hello there 👋', 'greeting'],
    ['在吗？', 'greeting'],
    ['谢谢！', 'thanks'],
    ['好的，谢谢你', 'thanks'],
    ['Thank you so much', 'thanks'],
    ['你是谁', 'identity'],
    ['你好，你是谁？', 'identity'],
    ['你能做什么？', 'help'],
    ['帮助', 'help'],
    ['help', 'help'],
    ['What can you do?', 'help'],
  ])('reads %j as %s', (message, kind) => {
    expect(detectSmallTalk(message)).toBe(kind);
  });

  it.each(['你好，沁水蜂蜜有哪些称号？', '沁水蜂蜜有哪些称号？', 'history of Gaoping silk', '帮忙查一下高平生猪出栏', '好的', '', '   ', '谢谢'.repeat(20)])(
    'leaves %j to the answer chain',
    (message) => {
      expect(detectSmallTalk(message)).toBeNull();
    },
  );
});

describe('withoutGreeting', () => {
  it('drops a greeting before a real question and nothing else', () => {
    expect(withoutGreeting('你好，沁水蜂蜜有哪些称号？')).toBe('沁水蜂蜜有哪些称号？');
    expect(withoutGreeting('Hi, what is Gaoping silk?')).toBe('what is Gaoping silk?');
    expect(withoutGreeting('你好')).toBe('你好');
    expect(withoutGreeting('你好呀高平')).toBe('你好呀高平');
    expect(withoutGreeting('高平生猪，你好')).toBe('高平生猪，你好');
  });
});

describe('exampleQuestions and smallTalkReply', () => {
  it('picks three vetted examples for the bundled towns, generic ones for unknown towns', () => {
    expect(exampleQuestions(TOWNS)).toEqual(['泽州山楂的栽培历史有多久？', '高平2022年生猪出栏多少头？', '陵川中药材种类有多少种？']);
    expect(exampleQuestions(['甲镇茶叶', '沁水蜂蜜'])).toEqual(['沁水蜂蜜有哪些称号？', '甲镇茶叶的发展情况怎么样？']);
  });

  it('names every town and numbers the examples, within one phone screen', () => {
    const reply = smallTalkReply('greeting', TOWNS, exampleQuestions(TOWNS));
    expect(reply).toBe(
      '您好！我根据新闻报道回答关于晋城9个专业镇（泽州精密铸造、泽州山楂红酒、高平潞绸、高平生猪、阳城陶瓷琉璃(珐华)、陵川中药材、阳城蚕桑、沁水黑山羊、沁水蜂蜜）的问题，并附上原文出处。\n\n' +
        '您可以这样问：\n1. 泽州山楂的栽培历史有多久？\n2. 高平2022年生猪出栏多少头？\n3. 陵川中药材种类有多少种？',
    );
    for (const kind of ['greeting', 'thanks', 'identity', 'help'] as const) {
      const text = smallTalkReply(kind, TOWNS, exampleQuestions(TOWNS));
      expect([...text].length).toBeLessThanOrEqual(200);
      expect(text.split('\n').length).toBeLessThanOrEqual(7);
      expect(Buffer.byteLength(text, 'utf8')).toBeLessThan(600);
    }
    expect(smallTalkReply('thanks', TOWNS, [])).toMatch(/^不客气/);
    expect(smallTalkReply('identity', TOWNS, [])).toMatch(/^我是晋城专业镇问答助手/);
  });

  it('answers Latin small talk in English with the towns and the examples', () => {
    const reply = smallTalkReply('greeting', ['高平生猪'], ['高平2022年生猪出栏多少头？'], true);
    expect(reply).toContain('Hello!');
    expect(reply).toContain('1 specialty towns: 高平生猪');
    expect(reply).toContain('1. 高平2022年生猪出栏多少头？');
  });
});
