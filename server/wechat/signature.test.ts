import { describe, expect, it } from 'vitest';
import { computeMsgSignature, computeSignature, signatureMatches } from './signature.js';

describe('computeSignature', () => {
  it('matches the URL-verification example of the reference (Token=AAAAA)', () => {
    expect(computeSignature('AAAAA', '1714036504', '1514711492')).toBe('f464b24fc39322e44b38aa78f5edd27bd1441696');
  });

  it('matches the plaintext push example of the reference', () => {
    expect(computeSignature('AAAAA', '1714037059', '486452656')).toBe('899cf89e464efb63f54ddac96b0a0a235f53aa78');
  });
});

describe('computeMsgSignature', () => {
  it('matches the OA safe-mode push and reply examples', () => {
    const push =
      '+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=';
    expect(computeMsgSignature('AAAAA', '1714112445', '415670741', push)).toBe(
      '046e02f8204d34f8ba5fa3b1db94908f3df2e9b3',
    );
    const reply = 'ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==';
    expect(computeMsgSignature('AAAAA', '1713424427', '415670741', reply)).toBe(
      '1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1',
    );
  });

  it('matches the WeCom URL-verification example', () => {
    const echostr = 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==';
    expect(computeMsgSignature('QDG6eK', '1409659589', '263014780', echostr)).toBe(
      '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
    );
  });
});

describe('signatureMatches', () => {
  it('accepts equal and rejects different or differently sized signatures', () => {
    const sig = computeSignature('AAAAA', '1', '2');
    expect(signatureMatches(sig, sig)).toBe(true);
    expect(signatureMatches(sig, sig.replace(/.$/, (c) => (c === '0' ? '1' : '0')))).toBe(false);
    expect(signatureMatches(sig, sig.slice(1))).toBe(false);
    expect(signatureMatches(sig, '')).toBe(false);
  });
});
