// Admin console shell: tab switching, the admin API helper and DOM helpers the tab scripts share (text only, never HTML).
window.admin = (() => {
  const shows = new Map();

  /** Calls /admin/api<path>; returns the JSON body or throws an Error with the API's message. */
  async function api(path, init = {}) {
    const res = await fetch(`/admin/api${path}`, { credentials: 'same-origin', ...init });
    const body = await res.json().catch(() => ({}));
    if (res.status === 401) location.reload(); // session expired: back to the sign-in page
    if (!res.ok) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
    return body;
  }

  /** Creates an element with properties and text or element children. */
  function el(tag, { dataset = {}, ...props } = {}, ...children) {
    const node = Object.assign(document.createElement(tag), props);
    Object.assign(node.dataset, dataset);
    for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? '')));
    return node;
  }

  const time = (iso) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '–');

  /** Registers a tab: `show` runs each time the tab is selected. */
  function tab(name, show) {
    shows.set(name, show);
  }

  function select(name) {
    if (!shows.has(name)) name = document.querySelector('[data-tab]').dataset.tab;
    for (const link of document.querySelectorAll('[data-tab]')) link.setAttribute('aria-selected', String(link.dataset.tab === name));
    for (const panel of document.querySelectorAll('[data-panel]')) panel.hidden = panel.dataset.panel !== name;
    shows.get(name)?.();
  }

  window.addEventListener('hashchange', () => select(location.hash.slice(1)));
  document.addEventListener('DOMContentLoaded', () => select(location.hash.slice(1)));
  return { api, el, time, tab };
})();
