// Tests for the shipped function-word list: it is the installed jieba dictionary's, and functionWords agrees with jieba's own tagging.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { describe, expect, it } from 'vitest';
import { foldForMatch } from '../ingest/normalize-text.js';
import { dictFunctionWords, FUNCTION_TAGS, FUNCTION_WORDS } from './function-words.js';
import { functionWords } from './tokenize.js';

const REWRITE =
  "function-words.json is not the installed dictionary's list: rewrite it with npx tsx -e \"import { writeFileSync } from 'node:fs'; import { dict } from '@node-rs/jieba/dict.js'; import { dictFunctionWords } from './index/function-words.ts'; writeFileSync('index/function-words.json', JSON.stringify(dictFunctionWords(new TextDecoder().decode(dict))) + '\\\\n')\"";

describe('FUNCTION_WORDS', () => {
  it("is exactly the installed dictionary's function-tagged words (rewrite function-words.json after a jieba upgrade)", () => {
    const shipped = JSON.parse(readFileSync(fileURLToPath(new URL('./function-words.json', import.meta.url)), 'utf8')) as string[];
    expect(shipped, REWRITE).toEqual(dictFunctionWords(new TextDecoder().decode(dict)));
    expect(FUNCTION_WORDS.size).toBe(shipped.length);
    expect(['已经', '把', '因为', '的', '吗'].every((w) => FUNCTION_WORDS.has(w))).toBe(true);
    expect(FUNCTION_WORDS.has('生猪')).toBe(false);
  });

  it('dictFunctionWords keeps a word by its last tag, as jieba loads a dictionary', () => {
    expect(dictFunctionWords('已经 100 d\n生猪 50 n\n把 10 n\n把 20 p\n虽然 5 c\n\n')).toEqual(['已经', '把', '虽然']);
  });
});

describe('functionWords', () => {
  it('gives the words jieba.tag tags as function words, on every line of the bundled articles and on questions', () => {
    const jieba = Jieba.withDict(dict);
    const dir = fileURLToPath(new URL('../data/articles/', import.meta.url));
    const articles = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    const texts = [...articles.split(/\n|。/), '请问沁水黑山羊2021年出栏了多少只呢？', '为什么陵川的中药材这么有名', '阳城蚕桑和高平生猪哪个更早？', '靠养蜜蜂过日子的人多吗'];
    let checked = 0;
    for (const text of texts.filter((t) => t.trim())) {
      const folded = foldForMatch(text);
      const tagged = new Set(jieba.tag(folded, true).filter((t) => FUNCTION_TAGS.test(t.tag)).map((t) => t.word));
      expect([...functionWords(folded)]).toEqual([...tagged]);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});
