// Hit-testing tab: a question -> the ranked passages retrieval returns, with fused, BM25 and dense scores.
(() => {
  const { api, el, tab } = window.admin;
  const $ = (id) => document.getElementById(id);
  const fixed = (x, digits) => (x === null || x === undefined ? '–' : x.toFixed(digits));
  const rank = (r) => (r === null || r === undefined ? '' : `（${r}）`);

  $('hit-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const q = $('hit-q').value.trim();
    const body = $('hits').tBodies[0];
    try {
      const { hits } = await api(`/hit-test?q=${encodeURIComponent(q)}&k=${$('hit-k').value}`);
      body.replaceChildren(
        ...hits.map((h) =>
          el('tr', {},
            el('td', { className: 'num' }, h.rank),
            el('td', { className: 'num' }, fixed(h.score, 4)),
            el('td', { className: 'num' }, fixed(h.bm25, 2), rank(h.bm25Rank)),
            el('td', { className: 'num' }, fixed(h.dense, 3), rank(h.denseRank)),
            el('td', {}, el('div', { className: 'source' }, `${h.title || '（无标题）'} · ${h.source}:${h.lineStart}${h.page ? ` · 第 ${h.page} 页` : ''}`), el('div', {}, h.text)),
          ),
        ),
      );
      if (hits.length === 0) body.replaceChildren(el('tr', {}, el('td', { colSpan: 5 }, '没有检索到段落')));
    } catch (err) {
      body.replaceChildren(el('tr', {}, el('td', { colSpan: 5, className: 'error' }, err.message)));
    }
  });

  tab('hit-test', () => $('hit-q').focus());
})();
