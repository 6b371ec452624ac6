// Generates a tiny BERT-like feature-extraction model folder that transformers.js loads offline (for tests).
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import onnxProto, { type onnx as Onnx } from 'onnx-proto';
import { prng } from '../test-support/prng.js';

const { onnx } = onnxProto;

export const TINY_HIDDEN_SIZE = 32;
const MAX_POSITIONS = 128;
const SEED = 20240601;
const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
const PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~，。、；：？！“”‘’（）《》【】…—·'];
const ALNUM = [...'0123456789abcdefghijklmnopqrstuvwxyz'];
const CJK_CHARS =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经' +
  '十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严' +
  '晋城镇阳泽沁陵川高平城区特色小旅游文化产业村庄煤炭古堡皇城相府太行山农业康养陶瓷铁器丝绸为这个句子生成表示以用于检索相关文章';

/** The vocabulary: special tokens, punctuation, ASCII letters and digits (plus ## pieces), CJK chars. */
export function tinyVocab(): string[] {
  const tokens = [...SPECIAL_TOKENS, ...PUNCTUATION, ...ALNUM, ...ALNUM.map((c) => `##${c}`), ...CJK_CHARS];
  return [...new Set(tokens)];
}

/** Seeded floats in [-1, 1): the project's mulberry32 PRNG, rescaled; same seed, same sequence. */
export function seededRandom(seed: number): () => number {
  const next = prng(seed);
  return () => next() * 2 - 1;
}

function floatTensor(name: string, dims: number[], next: () => number, scale: number): Onnx.ITensorProto {
  const count = dims.reduce((a, b) => a * b, 1);
  const bytes = new DataView(new ArrayBuffer(count * 4));
  for (let i = 0; i < count; i++) bytes.setFloat32(i * 4, next() * scale, true);
  return { name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(bytes.buffer) };
}

function int64Tensor(name: string, dims: number[], values: number[]): Onnx.ITensorProto {
  return { name, dims, dataType: onnx.TensorProto.DataType.INT64, int64Data: values };
}

function intAttr(name: string, i: number): Onnx.IAttributeProto {
  return { name, type: onnx.AttributeProto.AttributeType.INT, i };
}

function node(opType: string, input: string[], output: string, attribute: Onnx.IAttributeProto[] = []) {
  return { opType, input, output: [output], name: output, attribute };
}

function valueInfo(name: string, elemType: number, dims: string[]): Onnx.IValueInfoProto {
  const dim = dims.map((d) => (/^\d+$/.test(d) ? { dimValue: Number(d) } : { dimParam: d }));
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

/**
 * Builds the ONNX graph: word + token-type + position embeddings, Tanh(x W + b), then a
 * mask-weighted mean over the sequence mixed back into every token, so each output row (the CLS
 * row included) depends on the whole attended input. Opset 13, IR 7 (onnxruntime 1.14 runs it).
 */
export function buildTinyOnnx(vocabSize: number, hidden = TINY_HIDDEN_SIZE): Uint8Array {
  const next = seededRandom(SEED);
  const dense = 1 / Math.sqrt(hidden);
  const { FLOAT, INT64 } = onnx.TensorProto.DataType;
  const initializer = [
    floatTensor('word_embeddings', [vocabSize, hidden], next, 1),
    floatTensor('token_type_embeddings', [2, hidden], next, 0.5),
    floatTensor('position_embeddings', [MAX_POSITIONS, hidden], next, 0.5),
    floatTensor('dense_weight', [hidden, hidden], next, dense),
    floatTensor('dense_bias', [hidden], next, 0.1),
    // A strong context term keeps the CLS row (what CLS pooling returns) far apart for different texts.
    floatTensor('context_weight', [hidden, hidden], next, 4 * dense),
    int64Tensor('zero', [], [0]),
    int64Tensor('one', [], [1]),
    int64Tensor('axis_seq', [1], [1]),
    int64Tensor('axis_last', [1], [2]),
  ];
  const nodes = [
    node('Gather', ['word_embeddings', 'input_ids'], 'words'),
    node('Gather', ['token_type_embeddings', 'token_type_ids'], 'types'),
    node('Shape', ['input_ids'], 'input_shape'),
    node('Gather', ['input_shape', 'one'], 'seq_len', [intAttr('axis', 0)]),
    node('Range', ['zero', 'seq_len', 'one'], 'position_ids'),
    node('Gather', ['position_embeddings', 'position_ids'], 'positions'),
    node('Add', ['words', 'types'], 'embedded_wt'),
    node('Add', ['embedded_wt', 'positions'], 'embedded'),
    node('MatMul', ['embedded', 'dense_weight'], 'projected'),
    node('Add', ['projected', 'dense_bias'], 'projected_bias'),
    node('Tanh', ['projected_bias'], 'tokens'),
    node('Cast', ['attention_mask'], 'mask_float', [intAttr('to', FLOAT)]),
    node('Unsqueeze', ['mask_float', 'axis_last'], 'mask'),
    node('Mul', ['tokens', 'mask'], 'masked_tokens'),
    node('ReduceSum', ['masked_tokens', 'axis_seq'], 'token_sum', [intAttr('keepdims', 1)]),
    node('ReduceSum', ['mask', 'axis_seq'], 'token_count', [intAttr('keepdims', 1)]),
    node('Div', ['token_sum', 'token_count'], 'context'),
    node('MatMul', ['context', 'context_weight'], 'context_projected'),
    node('Add', ['tokens', 'context_projected'], 'mixed'),
    node('Tanh', ['mixed'], 'last_hidden_state'),
  ];
  const inputs = ['input_ids', 'attention_mask', 'token_type_ids'].map((n) =>
    valueInfo(n, INT64, ['batch', 'sequence']),
  );
  const model = onnx.ModelProto.create({
    irVersion: 7,
    producerName: 'make-tiny-model',
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'tiny-bert',
      node: nodes,
      initializer,
      input: inputs,
      output: [valueInfo('last_hidden_state', FLOAT, ['batch', 'sequence', String(hidden)])],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

/** The HF tokenizers JSON for a BERT-Chinese-style WordPiece tokenizer over `vocab`. */
export function tinyTokenizerJson(vocab: string[]): object {
  const id = (t: string) => vocab.indexOf(t);
  const special = (t: string) => ({ SpecialToken: { id: t, type_id: 0 } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: id(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, special('[SEP]')],
      pair: [
        special('[CLS]'),
        { Sequence: { id: 'A', type_id: 0 } },
        special('[SEP]'),
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: Object.fromEntries(
        ['[CLS]', '[SEP]'].map((t) => [t, { id: t, ids: [id(t)], tokens: [t] }]),
      ),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((t, i) => [t, i])),
    },
  };
}

/**
 * Writes the tiny model into `outDir` (created if missing): config.json, tokenizer.json,
 * tokenizer_config.json, onnx/model.onnx and onnx/model_quantized.onnx (same bytes).
 * Deterministic: the same call always writes the same files.
 */
export async function makeTinyModel(outDir: string): Promise<void> {
  const vocab = tinyVocab();
  const onnxBytes = buildTinyOnnx(vocab.length);
  const config = {
    architectures: ['BertModel'],
    model_type: 'bert',
    vocab_size: vocab.length,
    hidden_size: TINY_HIDDEN_SIZE,
    num_hidden_layers: 1,
    num_attention_heads: 2,
    intermediate_size: TINY_HIDDEN_SIZE * 2,
    max_position_embeddings: MAX_POSITIONS,
    type_vocab_size: 2,
    pad_token_id: 0,
  };
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    tokenize_chinese_chars: true,
    strip_accents: null,
    model_max_length: MAX_POSITIONS,
    clean_up_tokenization_spaces: true,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
  };
  await mkdir(join(outDir, 'onnx'), { recursive: true });
  const json = (v: object) => `${JSON.stringify(v, null, 2)}\n`;
  await writeFile(join(outDir, 'config.json'), json(config));
  await writeFile(join(outDir, 'tokenizer.json'), json(tinyTokenizerJson(vocab)));
  await writeFile(join(outDir, 'tokenizer_config.json'), json(tokenizerConfig));
  await writeFile(join(outDir, 'onnx', 'model.onnx'), onnxBytes);
  await writeFile(join(outDir, 'onnx', 'model_quantized.onnx'), onnxBytes);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: npx tsx scripts/make-tiny-model.ts <outDir>');
    process.exit(2);
  }
  await makeTinyModel(outDir);
  console.log(`wrote tiny model to ${resolve(outDir)}`);
}
