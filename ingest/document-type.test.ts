// Tests for detectDocumentType: types from content (magic bytes, zip entries, HTML sniffing), whatever the name.
import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeUtf8, detectDocumentType } from './document-type.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('detectDocumentType', () => {
  it('finds PDF by its %PDF- header, also after leading junk', () => {
    expect(detectDocumentType(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('pdf');
    expect(detectDocumentType(bytes('\n\n   %PDF-1.4\n'))).toBe('pdf');
  });

  it('finds DOCX as a zip holding word/document.xml, and refuses other zips', () => {
    const zip = (name: string) => Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000'), Buffer.from(`....${name}....`)]);
    expect(detectDocumentType(zip('word/document.xml'))).toBe('docx');
    expect(detectDocumentType(zip('xl/workbook.xml'))).toBeNull();
  });

  it('sniffs HTML from its opening tag, after blanks, any case', () => {
    expect(detectDocumentType(bytes('  \n<!DOCTYPE html><html><body>晋城</body></html>'))).toBe('html');
    expect(detectDocumentType(bytes('<HTML lang="zh">'))).toBe('html');
    expect(detectDocumentType(bytes('<!-- saved page -->\n<div>晋城</div>'))).toBe('html');
    expect(detectDocumentType(bytes('<p>晋城</p>'))).toBe('html');
  });

  it('takes a non-UTF-8 page as HTML when its <meta> declares a charset the runtime decodes', () => {
    const gbkPage = Buffer.concat([Buffer.from('<html><head><meta charset="gbk"></head><body>'), Buffer.from([0xb8, 0xdf, 0xc6, 0xbd]), Buffer.from('</body></html>')]);
    expect(detectDocumentType(gbkPage)).toBe('html');
    expect(declaredCharset(gbkPage)).toBe('gbk');
    expect(declaredCharset(Buffer.from('<html><meta charset="no-such-charset">\xff'))).toBeNull();
  });

  it('tells Markdown (a "#" heading line) from plain text', () => {
    expect(detectDocumentType(bytes('前言\n\n## 高平潞绸\n\n潞绸历史悠久。'))).toBe('markdown');
    expect(detectDocumentType(bytes('高平潞绸\n潞绸历史悠久。#1 不是标题'))).toBe('text');
    expect(detectDocumentType(bytes('<晋城> 不是标签开头的网页'))).toBe('text');
  });

  it('refuses legacy .doc, images, non-UTF-8 and empty content', () => {
    expect(detectDocumentType(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBeNull();
    expect(detectDocumentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]))).toBeNull();
    expect(detectDocumentType(Buffer.from([0xb8, 0xdf, 0xc6, 0xbd]))).toBeNull(); // 高平 in GBK
    expect(detectDocumentType(bytes(' \n '))).toBeNull();
  });
});

describe('decodeUtf8', () => {
  it('drops a byte-order mark and refuses NUL bytes', () => {
    expect(decodeUtf8(bytes('\ufeff高平'))).toBe('高平');
    expect(decodeUtf8(Buffer.from([0x41, 0x00, 0x42]))).toBeNull();
  });
});
