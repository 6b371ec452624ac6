// CSV export of log entries: quoting, formula defusing, the row layout.
import { describe, expect, it } from 'vitest';
import { loggedAnswer } from '../../test-support/conversation-store-suite.js';
import { csvCell, entriesToCsv } from './entries-csv.js';

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('普通')).toBe('普通');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('一\n二')).toBe('"一\n二"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(null)).toBe('');
    expect(csvCell(false)).toBe('false');
  });
});

describe('entriesToCsv', () => {
  it('writes a BOM, a header and one CRLF row per entry', () => {
    const entry = { ...loggedAnswer('a1', '2026-01-01T00:00:00.000Z'), feedback: { rating: 'down' as const, comment: '不对, 再查', at: '2026-01-01T00:01:00.000Z' } };
    expect(entriesToCsv([entry])).toBe(
      '\uFEFFid,time,channel,question,standalone,answer,refused,mode,latency_ms,rating,comment,sources\r\n' +
        'a1,2026-01-01T00:00:00.000Z,api,它有多少家铸造企业？,泽州精密铸造专业镇有多少家铸造企业？,目前，拥有铸造企业30家。[1],false,extractive,12.5,down,"不对, 再查",[1] 泽州精密铸造 (data/articles/a.txt:12)\r\n',
    );
  });
});
