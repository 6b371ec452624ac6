// Feedback tab: 👍 answers as eval QA items and 👎 answers as review items, with the files to download.
(() => {
  const { api, el, time, tab } = window.admin;
  const $ = (id) => document.getElementById(id);

  const qaRow = (item) =>
    el('tr', { dataset: { id: item.id } },
      el('td', {}, item.question),
      el('td', {}, item.answers.length ? item.answers.join(' / ') : el('span', { className: 'muted' }, '（应拒答）')),
      el('td', { className: 'source' }, item.evidence.join(' … ')),
      el('td', {}, item.type),
    );

  const reviewRow = (item) =>
    el('tr', { dataset: { answerId: item.answerId } },
      el('td', { className: 'num' }, time(item.ratedAt)),
      el('td', {}, item.question),
      el('td', { className: 'answer-text' }, item.refused ? el('strong', {}, '已拒答 ') : '', item.answer),
      el('td', {}, item.comment ?? el('span', { className: 'muted' }, '（无）')),
    );

  async function load() {
    try {
      const { qa, review } = await api('/conversations/feedback');
      $('fb-qa-count').textContent = `（${qa.length}）`;
      $('fb-review-count').textContent = `（${review.length}）`;
      $('fb-qa').tBodies[0].replaceChildren(...(qa.length ? qa.map(qaRow) : [el('tr', {}, el('td', { colSpan: 4 }, '还没有 👍 的回答'))]));
      $('fb-review').tBodies[0].replaceChildren(...(review.length ? review.map(reviewRow) : [el('tr', {}, el('td', { colSpan: 4 }, '还没有 👎 的回答'))]));
    } catch (err) {
      $('fb-qa').tBodies[0].replaceChildren(el('tr', {}, el('td', { colSpan: 4, className: 'error' }, err.message)));
      $('fb-review').tBodies[0].replaceChildren();
    }
  }

  tab('feedback', load);
})();
