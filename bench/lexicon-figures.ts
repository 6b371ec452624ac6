// `npx tsx bench/lexicon-figures.ts`: what the lexicon costs — ingest time added, table size, load time, lookup time.
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '../config.js';
import { foldForMatch, loadGazetteer, readCorpus } from '../ingest/index.js';
import { readSections } from '../index/binary-file.js';
import { currentBuild } from '../index/build-folders.js';
import { FILES, readManifest } from '../index/index-store.js';
import { buildLexicon, cutWords, Lexicon, loadDigest, loadOverrides, updateIndex } from '../index/index.js';
import { decodeLexicon, LEXICON_MAGIC } from '../index/lexicon/lexicon-file.js';
import { englishWords } from '../index/lexicon/english-words.js';
import { percentiles } from './stats.js';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Wall and CPU milliseconds of one call. */
function timed<T>(run: () => T): { value: T; wallMs: number; cpuMs: number } {
  const wall = performance.now();
  const cpu = cpuMs();
  const value = run();
  return { value, wallMs: Math.round(performance.now() - wall), cpuMs: Math.round(cpuMs() - cpu) };
}

/** English questions as a visitor might ask them (none is a QA item). */
const ENGLISH = [
  'How many black goats does Qinshui raise?', 'What is the output value of hawthorn wine?', 'When was the silk company founded?',
  'How many pigs were sold in Gaoping last year?', 'Which towns produce honey?', 'How large is the planting area of herbs in Lingchuan?',
  'What honours has Qinshui honey received?', 'How much income do beekeepers earn?', 'Where are the ceramics of Yangcheng sold?',
  'Who founded the first casting enterprise in Zezhou?', 'How long is the history of glazed tiles in Yangcheng?', 'What is the annual output of cocoons?',
  'How many households raise silkworms?', 'Is the hawthorn wine exported?', 'What kinds of medicinal herbs grow in Lingchuan?',
];

const settings = loadSettings({ ...process.env, INDEX_DIR: mkdtempSync(join(tmpdir(), 'jc-lexicon-bench-')), EMBEDDER: 'hash', LOG_LEVEL: 'silent' });
const { chunks } = readCorpus([settings.ARTICLES_DIR], loadGazetteer(settings.GAZETTEER_FILE), settings.CHUNK_MAX_CHARS);
const vocabulary = [...new Set(chunks.flatMap((c) => cutWords(foldForMatch(`${c.meta.title}\n${c.text}`))))];
/** Wall milliseconds of a rebuild of the bundled corpus into INDEX_DIR. */
async function ingestMs(): Promise<number> {
  const started = performance.now();
  await updateIndex(settings, [], { rebuild: true, warn: () => {} });
  return Math.round(performance.now() - started);
}
// The first ingest loads the digest and builds the lexicon; the second reuses both (same vocabulary).
const coldIngestMs = await ingestMs();
const warmIngestMs = await ingestMs();
const table = timed(() => buildLexicon(loadDigest(), vocabulary));
const file = join(currentBuild(settings.INDEX_DIR), FILES.lexicon);
const check = readManifest(settings.INDEX_DIR).files[FILES.lexicon]!;
const load = timed(() => decodeLexicon(readSections(file, LEXICON_MAGIC, check, 'full')));
const lexicon = new Lexicon(load.value, loadOverrides(settings.LEXICON_OVERRIDES_FILE));
const firstEnglish = timed(() => lexicon.translateEnglish('honey'));

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

const us = (ms: number) => `${Math.round(ms * 1000)} µs`;
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on this machine; wall (CPU) times`);
console.log(`ingest of the bundled corpus (${chunks.length} chunks, ${vocabulary.length} words): ${coldIngestMs} ms with the lexicon, ${warmIngestMs} ms when it is reused; of the difference, the table build is ${table.wallMs} ms (${table.cpuMs} ms CPU), the rest loading the cached digest`);
console.log(`table: ${check.bytes} bytes (lexicon.bin): ${table.value.keys.offsets.length - 1} Chinese keys, ${table.value.targets.offsets.length - 1} corpus words and parts, ${table.value.english.offsets.length - 1} English phrases`);
console.log(`load: read + sha256 + decode ${load.wallMs} ms (${load.cpuMs} ms CPU); the first English question builds the phrase map: ${firstEnglish.wallMs} ms (${firstEnglish.cpuMs} ms CPU)`);
console.log(`relatedWords over ${related.samples} unique question words: p50 ${us(related.p50)}, p99 ${us(related.p99)}`);
console.log(`translateEnglish over ${translated.samples} unique English questions: p50 ${us(translated.p50)}, p99 ${us(translated.p99)}`);
