// Tests for the overrides file: the shipped file parses; a malformed one is an error naming the file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dirs.js';
import { loadOverrides } from './lexicon-overrides.js';

const { tempDir } = useTempDirs();

describe('loadOverrides', () => {
  it('reads the shipped overrides (places, units), skipping the comment', () => {
    const o = loadOverrides(fileURLToPath(new URL('../../data/lexicon-overrides.json', import.meta.url)));
    expect(o.english['qinshui']).toEqual(['沁水']);
    expect(o.gloss['亩']).toBe('mu');
  });

  it('throws naming the file and the field when the shape is wrong, or the file is not JSON', () => {
    const file = join(tempDir('jc-overrides-'), 'bad.json');
    writeFileSync(file, JSON.stringify({ english: { pig: '猪' }, gloss: {} }));
    expect(() => loadOverrides(file)).toThrow(`${file}: invalid lexicon overrides: english.pig:`);
    writeFileSync(file, '{');
    expect(() => loadOverrides(file)).toThrow(`${file}: cannot read lexicon overrides:`);
  });
});
