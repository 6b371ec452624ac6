// Conversation-log tab: answers filtered by refusal, rating, channel and dates, a page at a time, with JSONL/CSV export.
(() => {
  const { api, el, time, tab } = window.admin;
  const $ = (id) => document.getElementById(id);
  const PAGE = 50;
  const CHANNELS = { widget: '网页挂件', api: 'API', v1: 'OpenAI 接口', wechat: '公众号', wecom: '企业微信' };
  let offset = 0;

  /** The filter form as query parameters; days are the admin's local days, sent as ISO times. */
  function filterParams() {
    const form = new FormData($('log-filter'));
    const params = new URLSearchParams();
    for (const name of ['refused', 'rating', 'channel']) if (form.get(name)) params.set(name, form.get(name));
    if (form.get('from')) params.set('from', new Date(`${form.get('from')}T00:00:00`).toISOString());
    if (form.get('to')) params.set('to', new Date(`${form.get('to')}T23:59:59.999`).toISOString());
    return params;
  }

  function rating(e) {
    if (!e.feedback) return el('span', { className: 'muted' }, '–');
    const up = e.feedback.rating === 'up';
    return el('div', { className: up ? 'rating-up' : 'rating-down', dataset: { rating: e.feedback.rating } }, up ? '👍 有帮助' : '👎 没帮助', e.feedback.comment ? el('div', { className: 'comment' }, e.feedback.comment) : '');
  }

  function row(e) {
    const question = el('td', {}, e.question);
    if (e.standalone !== e.question) question.append(el('div', { className: 'muted' }, `（理解为：${e.standalone}）`));
    const sources = e.citations.map((c) => `[${c.n}] ${c.title}`).join('；');
    return el('tr', { dataset: { answerId: e.id, refused: String(e.refused) } },
      el('td', { className: 'num' }, time(e.at)),
      el('td', {}, CHANNELS[e.channel] ?? e.channel),
      question,
      el('td', { className: 'answer-text' }, e.refused ? el('strong', {}, '已拒答 ') : '', e.answer, sources ? el('div', { className: 'source' }, sources) : ''),
      el('td', {}, rating(e)),
      el('td', { className: 'num' }, `${Math.round(e.latencyMs)} ms`),
    );
  }

  async function load() {
    const params = filterParams();
    for (const [id, format] of [['log-export-jsonl', 'jsonl'], ['log-export-csv', 'csv']]) {
      const p = new URLSearchParams(params);
      p.set('format', format);
      $(id).href = `/admin/api/conversations/export?${p}`;
    }
    params.set('limit', String(PAGE));
    params.set('offset', String(offset));
    const body = $('log').tBodies[0];
    try {
      const { total, entries } = await api(`/conversations?${params}`);
      body.replaceChildren(...entries.map(row));
      if (entries.length === 0) body.replaceChildren(el('tr', {}, el('td', { colSpan: 6 }, '没有符合条件的对话')));
      $('log-summary').textContent = total ? `共 ${total} 条，第 ${offset + 1}–${offset + entries.length} 条` : '共 0 条';
      $('log-prev').disabled = offset === 0;
      $('log-next').disabled = offset + entries.length >= total;
    } catch (err) {
      body.replaceChildren(el('tr', {}, el('td', { colSpan: 6, className: 'error' }, err.message)));
      $('log-summary').textContent = '';
    }
  }

  $('log-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    offset = 0;
    load();
  });
  $('log-prev').addEventListener('click', () => {
    offset = Math.max(0, offset - PAGE);
    load();
  });
  $('log-next').addEventListener('click', () => {
    offset += PAGE;
    load();
  });

  tab('conversations', load);
})();
