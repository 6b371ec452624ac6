// `npx tsx bench/lexicon-figures.ts`: what the lexicon costs — the cold dictionary build, its share of an ingest, sizes, load and lookup times.
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '../config.js';
import { foldForMatch, loadGazetteer, readCorpus } from '../ingest/index.js';
import { readSections } from '../index/binary-file.js';
import { currentBuild } from '../index/build-folders.js';
import { FILES, readManifest } from '../index/index-store.js';
import { buildLexicon, cutWords, Lexicon, loadOverrides, updateIndex } from '../index/index.js';
import { dictionaryCacheFile, dictionarySources, readCachedDictionary, writeCachedDictionary } from '../index/lexicon/dictionary-cache.js';
import { dictionaryFromDigest } from '../index/lexicon/dictionary.js';
import { decodeDictionary, DICTIONARY_MAGIC } from '../index/lexicon/dictionary-file.js';
import { buildDigest } from '../index/lexicon/lexicon-digest.js';
import { decodeLexicon, LEXICON_MAGIC } from '../index/lexicon/lexicon-file.js';
import { englishWords } from '../index/lexicon/english-words.js';
import { percentiles } from './stats.js';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Wall and CPU milliseconds of one call. */
async function timed<T>(run: () => T | Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const wall = performance.now();
  const cpu = cpuMs();
  const value = await run();
  return { value, wallMs: Math.round(performance.now() - wall), cpuMs: Math.round(cpuMs() - cpu) };
}
const ms = (t: { wallMs: number; cpuMs: number }) => `${t.wallMs} ms (${t.cpuMs} ms CPU)`;

/** English questions as a visitor might ask them (none is a QA item). */
const ENGLISH = [
  'How many black goats does Qinshui raise?', 'What is the output value of hawthorn wine?', 'When was the silk company founded?',
  'How many pigs were sold in Gaoping last year?', 'Which towns produce honey?', 'How large is the planting area of herbs in Lingchuan?',
  'What honours has Qinshui honey received?', 'How much income do beekeepers earn?', 'Where are the ceramics of Yangcheng sold?',
  'Who founded the first casting enterprise in Zezhou?', 'How long is the history of glazed tiles in Yangcheng?', 'What is the annual output of cocoons?',
  'How many households raise silkworms?', 'Is the hawthorn wine exported?', 'What kinds of medicinal herbs grow in Lingchuan?',
];

const settings = loadSettings({ ...process.env, INDEX_DIR: mkdtempSync(join(tmpdir(), 'jc-lexicon-bench-')), EMBEDDER: 'hash', LOG_LEVEL: 'silent' });
const { chunks } = await readCorpus([settings.ARTICLES_DIR], loadGazetteer(settings.GAZETTEER_FILE), settings.CHUNK_MAX_CHARS);
const vocabulary = [...new Set(chunks.flatMap((c) => cutWords(foldForMatch(`${c.meta.title}\n${c.text}`))))];

// The cold build, written to a scratch cache file (the real cache is left as it is), then read back as a warm ingest does.
const scratch = mkdtempSync(join(tmpdir(), 'jc-dictionary-'));
const sources = dictionarySources();
const scratchFile = join(scratch, 'dictionary.bin');
const cold = await timed(() => dictionaryFromDigest(buildDigest()));
const write = await timed(() => writeCachedDictionary(scratchFile, cold.value, sources));
const warm = await timed(() => readCachedDictionary(scratchFile, sources)!);
rmSync(scratch, { recursive: true, force: true });
const table = await timed(() => buildLexicon(warm.value, vocabulary));

const ingest = await timed(() => updateIndex(settings, [], { rebuild: true, warn: () => {} }));
const folder = currentBuild(settings.INDEX_DIR);
const manifest = readManifest(settings.INDEX_DIR);
const lexiconCheck = manifest.files[FILES.lexicon]!;
const dictionaryCheck = manifest.files[FILES.dictionary]!;
const load = await timed(() => {
  const t = decodeLexicon(readSections(join(folder, FILES.lexicon), LEXICON_MAGIC, lexiconCheck, 'full'));
  const d = decodeDictionary(readSections(join(folder, FILES.dictionary), DICTIONARY_MAGIC, dictionaryCheck, 'full'));
  return new Lexicon(t, d.dictionary, loadOverrides(settings.LEXICON_OVERRIDES_FILE));
});
const lexicon = load.value;
const firstEnglish = await timed(() => lexicon.translateEnglish('honey'));

const questions = readFileSync('eval/qa.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { question: string }).question);
const words = [...new Set(questions.flatMap((q) => cutWords(foldForMatch(q))))].filter((w) => /^[\u4e00-\u9fff]+$/.test(w));
const english = [...new Set([...questions.filter((q) => englishWords(q).length >= 3), ...ENGLISH])];
const samples = (inputs: string[], run: (x: string) => unknown) =>
  percentiles(inputs.map((x) => {
    const started = performance.now();
    run(x);
    return performance.now() - started;
  }));
const related = samples(words, (w) => lexicon.relatedWords(w));
const translated = samples(english, (q) => lexicon.translateEnglish(q));
rmSync(settings.INDEX_DIR, { recursive: true, force: true });

const us = (x: number) => `${Math.round(x * 1000)} µs`;
const t = table.value;
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on this machine; wall (CPU) times`);
console.log(`cold, once per machine and package version (${sources}): dictionary build ${ms(cold)}, cache write ${ms(write)} -> ${dictionaryCacheFile(sources)}`);
console.log(`warm ingest, lexicon part: cached dictionary read + sha256 + checks ${ms(warm)}, corpus table (${chunks.length} chunks, ${vocabulary.length} words) ${ms(table)}`);
console.log(`whole ingest of the bundled corpus in this process (dictionary already in memory): ${ms(ingest)}`);
console.log(`index files: lexicon.bin ${lexiconCheck.bytes} bytes (${t.keys.offsets.length - 1} Chinese keys, ${t.targets.offsets.length - 1} corpus words and parts, ${t.relTargets.length} relations), dictionary.bin ${dictionaryCheck.bytes} bytes`);
console.log(`load: read + sha256 + checks of both ${ms(load)}; the first English question ${ms(firstEnglish)}`);
console.log(`relatedWords over ${related.samples} unique question words: p50 ${us(related.p50)}, p99 ${us(related.p99)}`);
console.log(`translateEnglish over ${translated.samples} unique English questions: p50 ${us(translated.p50)}, p99 ${us(translated.p99)}`);
