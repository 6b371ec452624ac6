// Tests for token usage: o200k_base counts of known texts plus OpenAI's per-message and reply-priming tokens.
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { countUsage } from './token-usage.js';

describe('countUsage', () => {
  it('counts "hello world" as 2 tokens (o200k ids 24912, 2375), the role as 1, plus 3 per message and 3 priming', async () => {
    expect(encode('hello world')).toEqual([24912, 2375]);
    expect(await countUsage([{ role: 'user', content: 'hello world' }], 'hi')).toEqual({ prompt_tokens: 9, completion_tokens: 1, total_tokens: 10 });
  });

  it('counts Chinese text with the real tokenizer, over every message', async () => {
    const usage = await countUsage(
      [
        { role: 'system', content: 'You are helpful.' },
        { role: 'user', content: '泽州山楂的栽培历史有多久？' },
      ],
      '泽州山楂栽培历史已有300多年。[1]',
    );
    expect(usage).toEqual({ prompt_tokens: 28, completion_tokens: 15, total_tokens: 43 });
  });

  it('counts an empty completion as 0 tokens', async () => {
    expect((await countUsage([{ role: 'user', content: '' }], '')).completion_tokens).toBe(0);
  });
});
