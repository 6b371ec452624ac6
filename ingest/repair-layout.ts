// Layout repair: raw newspaper-page lines -> headings and whole paragraphs, wording unchanged.

/** A source line's place inside a repaired paragraph: `offset` is where its text starts. */
export type LineSpan = { line: number; offset: number };

export type Block =
  | { kind: 'heading'; text: string; line: number }
  | {
      kind: 'paragraph';
      text: string;
      /** Lines the paragraph was joined from, in order, with their offsets in `text`. */
      spans: LineSpan[];
      /** Author byline that ended the paragraph (moved out of `text`), "" when none. */
      byline: string;
    };

const SENTENCE_END = /[。！？!?；;…][”’」』）)]*$/;
const INNER_PUNCT = /[，。；！？、,;!?]/;
const HAN = /[\u4e00-\u9fff]/g;
/** One to three names of 2-4 Han characters after a sentence end, separated by spaces. */
const BYLINE = /^(.*[。！？!?”」』）)])[\s\u3000]+((?:[\u4e00-\u9fff]{2,4}[\s\u3000]*){1,3})$/;
const MAX_HEADING_CHARS = 40;
/** A Markdown heading line ("## 标题"): always a heading, whatever its punctuation or length. */
const MARKDOWN_HEADING = /^#{1,6}[ \t]+(.+)$/;

/**
 * How to read a page: `markdown`: "#" lines are headings; `structured` (text from formats whose
 * blocks are known, such as HTML and Word): "#" lines are the only headings and a blank line ends a paragraph.
 */
export type LayoutOptions = { markdown?: boolean; structured?: boolean };

/** True when the line ends a sentence (so the next line starts a new paragraph). */
export function endsSentence(line: string): boolean {
  return SENTENCE_END.test(line);
}

/** A heading: short, has Han text, no sentence punctuation inside, does not end a sentence. */
export function isHeadingLine(line: string): boolean {
  return (
    line.length <= MAX_HEADING_CHARS &&
    (line.match(HAN)?.length ?? 0) >= 2 &&
    !INNER_PUNCT.test(line) &&
    !endsSentence(line)
  );
}

/** Splits a trailing author byline off a line: "…模板。 陈云华" -> ["…模板。", "陈云华"]. */
export function splitByline(line: string): [text: string, byline: string] {
  const m = BYLINE.exec(line);
  if (!m) return [line, ''];
  return [m[1]!, m[2]!.trim().replace(/[\s\u3000]+/g, ' ')];
}

/** Joins two pieces of one broken sentence; a space only between two Latin letters or digits. */
function joinBroken(left: string, right: string): string {
  return /[A-Za-z0-9]$/.test(left) && /^[A-Za-z0-9]/.test(right) ? `${left} ${right}` : left + right;
}

/**
 * Repairs a page's layout: blank-line runs are dropped, a line that does not end a sentence
 * continues on the next non-blank line, headings stand alone, trailing bylines are moved out.
 * With `markdown`, "#" heading lines are headings whatever their punctuation; with `structured`,
 * they are the only headings, and a blank line ends a paragraph.
 * Line numbers are 1-based. Pure: no wording is changed, only joined.
 */
export function repairLayout(raw: string, options: LayoutOptions = {}): Block[] {
  const blocks: Block[] = [];
  let open: Extract<Block, { kind: 'paragraph' }> | null = null;
  raw.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (!line && options.structured) open = null;
    if (!line) return;
    const lineNo = index + 1;
    const marked = options.markdown ? MARKDOWN_HEADING.exec(line) : null;
    if (marked) {
      open = null;
      blocks.push({ kind: 'heading', text: marked[1]!.trim(), line: lineNo });
      return;
    }
    if (!open && !options.structured && isHeadingLine(line)) {
      blocks.push({ kind: 'heading', text: line, line: lineNo });
      return;
    }
    const [text, byline] = splitByline(line);
    if (open) {
      const joined = joinBroken(open.text, text);
      open.spans.push({ line: lineNo, offset: joined.length - text.length });
      open.text = joined;
    } else {
      open = { kind: 'paragraph', text, spans: [{ line: lineNo, offset: 0 }], byline: '' };
      blocks.push(open);
    }
    open.byline = byline;
    if (byline || endsSentence(text)) open = null;
  });
  return blocks;
}
