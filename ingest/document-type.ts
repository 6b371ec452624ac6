// Tells a document's type from its bytes (magic numbers and HTML sniffing), never from its file name.

export type DocumentType = 'pdf' | 'docx' | 'html' | 'markdown' | 'text';

/** File name extension of each type (for naming a stored upload). */
export const TYPE_EXTENSIONS: Record<DocumentType, string> = { pdf: '.pdf', docx: '.docx', html: '.html', markdown: '.md', text: '.txt' };

const ascii = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', from, to);
/** Tags that make text HTML when they open it (the WHATWG MIME sniffing list, plus <article>/<section>/<meta>). */
const HTML_START = /^(?:<!doctype html|<html|<head|<body|<script|<iframe|<h1|<div|<font|<table|<a|<style|<title|<b|<br|<p|<article|<section|<meta|<!--)(?:[\s>]|$)/i;

/** Decodes UTF-8 (without a byte-order mark); null when the bytes are not UTF-8 text (invalid sequences or NUL bytes). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return text.includes('\u0000') ? null : text.replace(/^\ufeff/, '');
}

/** True when UTF-8 text is HTML: it opens (after blanks) with a tag an HTML page starts with. */
export function looksLikeHtml(text: string): boolean {
  return HTML_START.test(text.trimStart());
}

/**
 * The charset an HTML page that is not UTF-8 declares in a <meta> tag (e.g. "gbk"), when the
 * runtime can decode it; null for anything else.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = ascii(bytes, 0, Math.min(bytes.length, 4096));
  if (!looksLikeHtml(head)) return null;
  const charset = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (!charset) return null;
  try {
    new TextDecoder(charset);
    return charset;
  } catch {
    return null;
  }
}

/**
 * The type of a document from its content: "%PDF-" in the first 1 KiB is PDF; a zip holding
 * word/document.xml is DOCX; UTF-8 text opening with an HTML tag is HTML (and so is a page in another charset
 * its <meta> declares, such as GBK), with "#" heading lines
 * Markdown, else plain text. Null for anything else (other zips, legacy .doc, images, non-UTF-8 text).
 */
export function detectDocumentType(bytes: Uint8Array): DocumentType | null {
  if (ascii(bytes, 0, Math.min(bytes.length, 1024)).includes('%PDF-')) return 'pdf';
  if (ascii(bytes, 0, 4) === 'PK\u0003\u0004') return ascii(bytes, 0, bytes.length).includes('word/document.xml') ? 'docx' : null;
  const text = decodeUtf8(bytes);
  if (text === null) return declaredCharset(bytes) ? 'html' : null;
  if (text.trim() === '') return null;
  if (looksLikeHtml(text)) return 'html';
  return /^#{1,6}[ \t]+\S/m.test(text) ? 'markdown' : 'text';
}
