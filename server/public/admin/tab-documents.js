// Documents tab: upload, list, preview chunks, delete, rebuild; index jobs are followed until they finish.
(() => {
  const { api, el, time, tab } = window.admin;
  const $ = (id) => document.getElementById(id);
  const TYPE_NAMES = { pdf: 'PDF', docx: 'Word', html: '网页', markdown: 'Markdown', text: '文本' };
  const STATES = { queued: '排队中', running: '正在建索引', done: '已完成', failed: '失败' };

  /** Shows a job's line; `note` follows its label (e.g. the uploaded files' types). */
  function showJob(job, note = '') {
    let item = document.querySelector(`#jobs li[data-job="${job.id}"]`);
    if (!item) $('jobs').prepend((item = el('li', { className: 'job' })));
    item.dataset.job = job.id;
    item.dataset.state = job.state;
    const report = job.report ? `（共 ${job.report.chunks} 个片段：新增 ${job.report.added}，删除 ${job.report.removed}）` : '';
    item.textContent = `${job.label}${note}：${STATES[job.state]}${report}${job.error ? `：${job.error}` : ''}`;
  }

  /** Polls a job until it is done or failed, then reloads the list. */
  async function follow(job, note = '') {
    showJob(job, note);
    while (job.state === 'queued' || job.state === 'running') {
      await new Promise((r) => setTimeout(r, 300));
      job = (await api(`/documents/jobs/${job.id}`)).job;
      showJob(job, note);
    }
    await load();
  }

  async function preview(source) {
    const { chunks } = await api(`/documents/chunks?source=${encodeURIComponent(source)}`);
    $('preview-title').textContent = `${source}（${chunks.length} 个片段）`;
    $('preview-chunks').replaceChildren(
      ...chunks.map((c) =>
        el('li', {}, el('div', { className: 'source' }, `${c.title || '（无标题）'} · 第 ${c.paragraph + 1} 段${c.part ? ` 第 ${c.part + 1} 节` : ''} · 行 ${c.lineStart}–${c.lineEnd}${c.page ? ` · 第 ${c.page} 页` : ''}`), el('div', {}, c.text)),
      ),
    );
    $('preview').hidden = false;
  }

  async function remove(source) {
    if (!confirm(`删除 ${source}？它的片段将从索引中移除。`)) return;
    await follow((await api(`/documents?source=${encodeURIComponent(source)}`, { method: 'DELETE' })).job);
  }

  async function load() {
    const { documents } = await api('/documents');
    $('documents').tBodies[0].replaceChildren(
      ...documents.map((d) =>
        el('tr', { dataset: { source: d.source } },
          el('td', {}, d.titles.slice(0, 3).join('；') || '（无标题）', d.titles.length > 3 ? ` 等 ${d.titles.length} 篇` : ''),
          el('td', { className: 'source' }, d.source),
          el('td', { className: 'num' }, d.chunks),
          el('td', { className: 'num' }, time(d.added)),
          el('td', { className: 'num' },
            el('button', { type: 'button', className: 'small secondary', onclick: () => preview(d.source).catch(alert) }, '预览'), ' ',
            el('button', { type: 'button', className: 'danger', onclick: () => remove(d.source).catch(alert) }, '删除')),
        ),
      ),
    );
  }

  $('upload').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData($('upload'));
    try {
      const { job, documents } = await api('/documents', { method: 'POST', body: form });
      $('upload').reset();
      await follow(job, `（${documents.map((d) => TYPE_NAMES[d.type]).join('、')}）`);
    } catch (err) {
      $('jobs').prepend(el('li', { dataset: { state: 'failed' } }, `上传失败：${err.message}`));
    }
  });
  $('rebuild').addEventListener('click', async () => {
    await follow((await api('/documents/rebuild', { method: 'POST' })).job).catch(alert);
  });

  tab('documents', () => load().catch((err) => $('jobs').prepend(el('li', { dataset: { state: 'failed' } }, err.message))));
})();
