/*!
 * 晋城专业镇问答 — embeddable chat widget (vanilla JS, no dependencies, no build step).
 *
 * Embed on any page:
 *   <script src="https://host/widget.js" data-endpoint="https://host" defer></script>
 *
 * Attributes on the <script> tag (all optional):
 *   data-endpoint  API base URL; default: the origin widget.js was loaded from
 *   data-title     panel title; default "晋城专业镇问答"
 *   data-open      "true" to start with the panel opened
 *   data-api-key   bearer key sent as Authorization header (only if the server requires one;
 *                  anything in a public page is public)
 *
 * Protocol: POST {endpoint}/api/chat, JSON {question, history, stream:true},
 * Accept: text/event-stream; the reply is Server-Sent Events: meta, delta, citations, done, error.
 * Feedback (only when an answer carries an answerId): POST {endpoint}/api/feedback
 * {answerId, rating: "up"|"down", comment?}.
 *
 * Everything that comes from the server or the user is rendered with text nodes only.
 * Global: window.JinchengChat = { open(), close(), toggle(), ask(question) }.
 */
(function () {
  'use strict';

  if (typeof window === 'undefined' || typeof document === 'undefined') return;
  if (window.JinchengChat && window.JinchengChat.__loaded) return; // loaded twice: keep the first

  // document.currentScript is only set while this script runs: capture it now.
  var script =
    document.currentScript ||
    document.querySelector('script[src*="widget.js"][data-endpoint]') ||
    document.querySelector('script[src*="widget.js"]');

  var MAX_HISTORY = 10; // previous messages sent as history
  var MAX_QUESTION = 500; // server default MAX_QUESTION_CHARS
  var DEFAULT_TITLE = '晋城专业镇问答';
  var STARTERS = [
    '泽州山楂的栽培历史有多久？',
    '高平2022年生猪出栏多少头？',
    '阳城蚕桑2022年蚕茧产量是多少？',
    '沁水蜂蜜有哪些称号？',
  ];
  var ERROR_TEXT = {
    network: '网络连接失败，请检查网络后重试',
    rate_limited: '请求过于频繁，请稍后再试',
    unauthorized: '服务未授权访问',
    timeout: '服务响应超时，请稍后重试',
    incomplete: '回答未完整接收，连接已中断',
    aborted: '已停止生成',
  };

  function attr(name) {
    return script && script.getAttribute(name) != null ? String(script.getAttribute(name)).trim() : '';
  }

  function resolveEndpoint() {
    var explicit = attr('data-endpoint');
    var base = '';
    try {
      if (explicit) base = new URL(explicit, document.baseURI).href;
      else if (script && script.src) base = new URL(script.src, document.baseURI).origin;
      else base = window.location.origin;
    } catch (e) {
      base = window.location.origin;
    }
    return base.replace(/\/+$/, '');
  }

  var config = {
    endpoint: resolveEndpoint(),
    title: attr('data-title') || DEFAULT_TITLE,
    startOpen: /^(true|1|yes|open)$/i.test(attr('data-open')),
    apiKey: attr('data-api-key'),
  };

  // ---------------------------------------------------------------- DOM helpers (text only)

  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      for (var key in props) {
        if (!Object.prototype.hasOwnProperty.call(props, key)) continue;
        var v = props[key];
        if (v == null || v === false) continue;
        if (key === 'className') node.className = v;
        else if (key === 'text') node.textContent = v;
        else if (key.slice(0, 2) === 'on' && typeof v === 'function') node.addEventListener(key.slice(2), v);
        else if (key in node && key !== 'type' && key !== 'role' && key.indexOf('-') < 0 && typeof v !== 'string')
          node[key] = v;
        else node.setAttribute(key, v === true ? '' : String(v));
      }
    }
    if (children) append(node, children);
    return node;
  }

  function append(node, children) {
    (Array.isArray(children) ? children : [children]).forEach(function (c) {
      if (c == null || c === false) return;
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }

  var SVG_NS = 'http://www.w3.org/2000/svg';
  function icon(paths, size) {
    var s = document.createElementNS(SVG_NS, 'svg');
    s.setAttribute('viewBox', '0 0 24 24');
    s.setAttribute('width', String(size || 20));
    s.setAttribute('height', String(size || 20));
    s.setAttribute('aria-hidden', 'true');
    s.setAttribute('focusable', 'false');
    s.setAttribute('fill', 'none');
    s.setAttribute('stroke', 'currentColor');
    s.setAttribute('stroke-width', '2');
    s.setAttribute('stroke-linecap', 'round');
    s.setAttribute('stroke-linejoin', 'round');
    paths.forEach(function (d) {
      var p = document.createElementNS(SVG_NS, 'path');
      p.setAttribute('d', d);
      s.appendChild(p);
    });
    return s;
  }
  var ICONS = {
    chat: ['M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12z', 'M8.5 10.5h7', 'M8.5 14h4.5'],
    close: ['M6 6l12 12', 'M18 6L6 18'],
    send: ['M4 12l16-8-6 16-2.5-6.5z', 'M11.5 13.5L20 4'],
    stop: ['M7 7h10v10H7z'],
    reset: ['M4 12a8 8 0 1 0 2.3-5.7', 'M4 4v4h4'],
    info: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M12 11v5', 'M12 8h.01'],
    retry: ['M20 12a8 8 0 1 1-2.3-5.7', 'M20 4v4h-4'],
    plus: ['M12 5v14', 'M5 12h14'],
    copy: ['M9 9h10v10H9z', 'M5 15V5h10'],
    check: ['M5 12.5l4.5 4.5L19 7'],
    up: ['M7 11v9H4v-9z', 'M7 11l4-7a2 2 0 0 1 3 2l-1 4h6a2 2 0 0 1 2 2.3l-1.2 6A2 2 0 0 1 17.8 20H7'],
    down: ['M7 13V4H4v9z', 'M7 13l4 7a2 2 0 0 0 3-2l-1-4h6a2 2 0 0 0 2-2.3l-1.2-6A2 2 0 0 0 17.8 4H7'],
  };

  // ---------------------------------------------------------------- styles

  var CSS = [
    ':host{all:initial;}',
    '*,*::before,*::after{box-sizing:border-box;}',
    '.jc-root{--jc-primary:#b5382c;--jc-primary-dark:#8f2a20;--jc-primary-soft:#fbeeec;--jc-ink:#1f2328;',
    '--jc-muted:#5f6670;--jc-line:#e6e1da;--jc-bg:#ffffff;--jc-bg-soft:#f7f4f0;--jc-focus:#1a5fd0;',
    'font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","WenQuanYi Micro Hei",Roboto,"Helvetica Neue",Arial,sans-serif;',
    'font-size:15px;line-height:1.6;color:var(--jc-ink);-webkit-text-size-adjust:100%;text-size-adjust:100%;',
    /* the host page's inherited styles stop here */
    'font-style:normal;font-weight:400;letter-spacing:normal;word-spacing:normal;text-transform:none;text-align:left;',
    'text-indent:0;text-shadow:none;white-space:normal;direction:ltr;visibility:visible;cursor:auto;font-variant:normal;}',
    'button,textarea{font:inherit;color:inherit;}',
    'button{cursor:pointer;-webkit-tap-highlight-color:transparent;}',
    'button:disabled{cursor:not-allowed;}',
    ':focus{outline:none;}',
    ':focus-visible{outline:3px solid var(--jc-focus);outline-offset:2px;}',
    '.jc-sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0;}',

    /* launcher */
    '.jc-launcher{position:fixed;z-index:2147483000;right:calc(20px + env(safe-area-inset-right,0px));',
    'bottom:calc(20px + env(safe-area-inset-bottom,0px));width:58px;height:58px;border-radius:50%;border:0;',
    'display:flex;align-items:center;justify-content:center;background:var(--jc-primary);color:#fff;',
    'box-shadow:0 6px 20px rgba(120,30,20,.32),0 2px 6px rgba(0,0,0,.15);transition:transform .18s ease,background .18s ease;}',
    '.jc-launcher:hover{background:var(--jc-primary-dark);transform:translateY(-1px);}',
    '.jc-launcher:focus-visible{outline-offset:3px;}',
    '.jc-launcher .jc-ico-close{display:none;}',
    '.jc-launcher[aria-expanded="true"] .jc-ico-chat{display:none;}',
    '.jc-launcher[aria-expanded="true"] .jc-ico-close{display:block;}',

    /* panel */
    '.jc-panel{position:fixed;z-index:2147483001;right:calc(20px + env(safe-area-inset-right,0px));',
    'bottom:calc(92px + env(safe-area-inset-bottom,0px));width:380px;height:560px;',
    'max-height:calc(100vh - 112px - env(safe-area-inset-bottom,0px));max-width:calc(100vw - 32px);',
    'display:flex;flex-direction:column;background:var(--jc-bg);border-radius:16px;overflow:hidden;',
    'border:1px solid rgba(0,0,0,.06);box-shadow:0 18px 48px rgba(30,20,10,.22),0 3px 10px rgba(0,0,0,.08);',
    'animation:jc-in .2s ease-out;}',
    '.jc-panel[hidden]{display:none;}',
    '@keyframes jc-in{from{opacity:0;transform:translateY(12px) scale(.98);}to{opacity:1;transform:none;}}',

    '.jc-header{flex:none;display:flex;align-items:center;gap:10px;padding:12px 10px 12px 16px;',
    'background:linear-gradient(135deg,#b5382c,#8f2a20);color:#fff;}',
    '.jc-avatar{flex:none;width:34px;height:34px;border-radius:10px;background:rgba(255,255,255,.16);',
    'display:flex;align-items:center;justify-content:center;font-weight:700;font-size:16px;}',
    '.jc-heading{flex:1;min-width:0;}',
    '.jc-title{margin:0;font-size:16px;font-weight:650;line-height:1.3;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;}',
    '.jc-subtitle{margin:0;font-size:12px;opacity:.85;line-height:1.4;}',
    '.jc-hbtn{flex:none;width:36px;height:36px;border-radius:10px;border:0;background:transparent;color:#fff;',
    'display:flex;align-items:center;justify-content:center;}',
    '.jc-hbtn:hover{background:rgba(255,255,255,.16);}',
    '.jc-hbtn:disabled{opacity:.45;}',
    '.jc-hbtn:focus-visible{outline-color:#fff;outline-offset:-2px;}',

    /* messages */
    '.jc-messages{flex:1;min-height:0;overflow-y:auto;overscroll-behavior:contain;padding:16px 14px 8px;',
    'background:var(--jc-bg-soft);display:flex;flex-direction:column;gap:12px;}',
    '.jc-welcome{background:var(--jc-bg);border:1px solid var(--jc-line);border-radius:14px;padding:14px;}',
    '.jc-welcome-title{margin:0 0 4px;font-weight:650;font-size:15px;}',
    '.jc-welcome-text{margin:0 0 10px;color:var(--jc-muted);font-size:13.5px;}',
    '.jc-starters{display:flex;flex-direction:column;gap:8px;margin:0;padding:0;list-style:none;}',
    '.jc-starter{width:100%;text-align:left;border:1px solid var(--jc-line);background:var(--jc-bg-soft);',
    'border-radius:10px;padding:8px 12px;font-size:14px;line-height:1.45;color:var(--jc-ink);transition:border-color .15s,background .15s;}',
    '.jc-starter:hover{border-color:var(--jc-primary);background:var(--jc-primary-soft);color:var(--jc-primary-dark);}',

    '.jc-msg{display:flex;flex-direction:column;max-width:100%;}',
    '.jc-user{align-items:flex-end;}',
    '.jc-bubble{max-width:88%;padding:9px 13px;border-radius:14px;word-wrap:break-word;overflow-wrap:anywhere;}',
    '.jc-user .jc-bubble{background:var(--jc-primary);color:#fff;border-bottom-right-radius:4px;white-space:pre-wrap;}',
    '.jc-assistant .jc-bubble{max-width:100%;background:var(--jc-bg);border:1px solid var(--jc-line);border-bottom-left-radius:4px;}',
    '.jc-answer{white-space:pre-wrap;}',
    '.jc-answer:empty{display:none;}',
    '.jc-nowrap{white-space:nowrap;}',
    '.jc-caret{display:inline-block;width:7px;height:1.05em;margin-left:2px;vertical-align:-2px;background:var(--jc-primary);',
    'border-radius:1px;animation:jc-blink 1s steps(2,start) infinite;}',
    '@keyframes jc-blink{to{visibility:hidden;}}',
    '.jc-thinking{display:flex;align-items:center;gap:8px;color:var(--jc-muted);font-size:14px;}',
    '.jc-dots{display:inline-flex;gap:4px;}',
    '.jc-dots i{width:6px;height:6px;border-radius:50%;background:var(--jc-primary);opacity:.35;animation:jc-dot 1.2s infinite ease-in-out;}',
    '.jc-dots i:nth-child(2){animation-delay:.15s;}.jc-dots i:nth-child(3){animation-delay:.3s;}',
    '@keyframes jc-dot{0%,80%,100%{opacity:.25;transform:translateY(0);}40%{opacity:1;transform:translateY(-3px);}}',

    /* citation markers */
    '.jc-cite{display:inline-block;margin:0 1px;padding:0 4px;min-width:20px;border:1px solid transparent;border-radius:6px;',
    'background:var(--jc-primary-soft);color:var(--jc-primary-dark);font-size:12px;font-weight:600;line-height:18px;',
    'vertical-align:2px;text-align:center;font-variant-numeric:tabular-nums;}',
    '.jc-cite:hover,.jc-cite[aria-expanded="true"]{background:var(--jc-primary);color:#fff;}',

    /* source card */
    '.jc-source-card{margin-top:10px;padding:10px 12px;border-radius:10px;background:var(--jc-bg-soft);',
    'border:1px solid var(--jc-line);border-left:3px solid var(--jc-primary);font-size:13.5px;animation:jc-in .15s ease-out;}',
    '.jc-source-head{display:flex;align-items:flex-start;gap:8px;}',
    '.jc-source-title{flex:1;min-width:0;font-weight:700;line-height:1.45;}',
    '.jc-source-close{flex:none;border:0;background:transparent;color:var(--jc-muted);width:26px;height:26px;margin:-3px -6px 0 0;',
    'border-radius:6px;display:flex;align-items:center;justify-content:center;}',
    '.jc-source-close:hover{background:var(--jc-line);color:var(--jc-ink);}',
    '.jc-source-town{display:inline-block;margin:4px 0 6px;padding:0 8px;border-radius:999px;background:var(--jc-primary-soft);',
    'color:var(--jc-primary-dark);font-size:12px;line-height:20px;}',
    '.jc-source-snippet{margin:0;white-space:pre-wrap;color:#2e333a;line-height:1.65;}',
    '.jc-source-byline{margin:2px 0 0;color:var(--jc-muted);font-size:12.5px;line-height:1.5;}',

    /* sources list */
    '.jc-sources{margin-top:10px;padding-top:8px;border-top:1px dashed var(--jc-line);}',
    '.jc-sources-label{margin:0 0 4px;font-size:12.5px;font-weight:650;color:var(--jc-muted);}',
    '.jc-sources ol{margin:0;padding:0;list-style:none;display:flex;flex-direction:column;gap:2px;}',
    '.jc-source-item{width:100%;display:flex;align-items:baseline;gap:8px;text-align:left;border:0;background:transparent;',
    'padding:4px 6px;border-radius:8px;font-size:13px;line-height:1.45;color:var(--jc-ink);}',
    '.jc-source-item:hover,.jc-source-item[aria-expanded="true"]{background:var(--jc-primary-soft);}',
    '.jc-source-num{flex:none;min-width:20px;height:18px;border-radius:5px;background:var(--jc-primary);color:#fff;',
    'font-size:11.5px;font-weight:600;line-height:18px;text-align:center;}',
    '.jc-source-name{flex:1;min-width:0;}',
    '.jc-source-item-town{flex:none;color:var(--jc-muted);font-size:12px;}',

    /* follow-up chips and the action row */
    '.jc-followups{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px;}',
    '.jc-followup{border:1px solid var(--jc-line);background:var(--jc-bg);color:var(--jc-primary-dark);border-radius:999px;',
    'padding:4px 12px;font-size:13px;line-height:1.45;text-align:left;}',
    '.jc-followup:hover{border-color:var(--jc-primary);background:var(--jc-primary-soft);}',
    '.jc-actions{display:flex;align-items:center;gap:2px;margin-top:4px;}',
    '.jc-act{display:inline-flex;align-items:center;gap:4px;border:0;background:transparent;color:var(--jc-muted);',
    'height:28px;min-width:28px;padding:0 6px;border-radius:8px;font-size:12.5px;}',
    '.jc-act:hover{background:var(--jc-line);color:var(--jc-ink);}',
    '.jc-act[aria-pressed="true"]{color:var(--jc-primary-dark);background:var(--jc-primary-soft);}',
    '.jc-act-status{margin-left:6px;font-size:12px;color:var(--jc-muted);}',
    '.jc-feedback-form{display:flex;gap:6px;margin-top:6px;}',
    '.jc-feedback-text{flex:1;min-width:0;border:1px solid var(--jc-line);border-radius:8px;padding:5px 8px;font:inherit;font-size:13.5px;}',
    '.jc-feedback-send{border:1px solid var(--jc-primary);background:#fff;color:var(--jc-primary-dark);border-radius:8px;padding:0 10px;font-size:13px;}',

    /* refused / error */
    '.jc-refused .jc-bubble{background:#f4f6f8;border-color:#dfe3e8;color:#3d4550;}',
    '.jc-notice{display:flex;gap:8px;align-items:flex-start;}',
    '.jc-notice svg{flex:none;margin-top:3px;color:#6b7785;}',
    '.jc-error{margin-top:8px;display:flex;flex-wrap:wrap;align-items:center;gap:8px;padding:8px 10px;border-radius:10px;',
    'background:#fff4f2;border:1px solid #f3c9c2;color:#8f2a20;font-size:13.5px;}',
    '.jc-error-text{flex:1;min-width:140px;}',
    '.jc-retry{display:inline-flex;align-items:center;gap:4px;border:1px solid var(--jc-primary);background:#fff;color:var(--jc-primary-dark);',
    'border-radius:8px;padding:3px 10px;font-size:13px;}',
    '.jc-retry:hover{background:var(--jc-primary);color:#fff;}',

    /* composer */
    '.jc-composer{flex:none;border-top:1px solid var(--jc-line);background:var(--jc-bg);',
    'padding:10px 12px calc(10px + env(safe-area-inset-bottom,0px));}',
    '.jc-form{display:flex;align-items:flex-end;gap:8px;}',
    '.jc-input{flex:1;min-width:0;resize:none;border:1px solid var(--jc-line);border-radius:12px;padding:9px 12px;',
    'font-size:16px;line-height:1.45;max-height:140px;min-height:42px;background:var(--jc-bg-soft);color:var(--jc-ink);}',
    '.jc-input::placeholder{color:#8a9099;}',
    '.jc-input:focus,.jc-input:focus-visible{outline:none;border-color:var(--jc-primary);background:#fff;box-shadow:0 0 0 3px rgba(181,56,44,.2);}',
    '.jc-send,.jc-stop{flex:none;height:42px;min-width:64px;padding:0 14px;border-radius:12px;border:0;',
    'display:inline-flex;align-items:center;justify-content:center;gap:6px;font-size:14.5px;font-weight:600;}',
    '.jc-send{background:var(--jc-primary);color:#fff;}',
    '.jc-send:hover:not(:disabled){background:var(--jc-primary-dark);}',
    '.jc-send:disabled{background:#d9c6c2;color:#fff;}',
    '.jc-stop{background:#fff;color:var(--jc-primary-dark);border:1px solid var(--jc-primary);}',
    '.jc-stop[hidden]{display:none;}',
    '.jc-hint{margin:6px 2px 0;font-size:11.5px;color:#8a9099;display:flex;justify-content:space-between;gap:8px;}',

    /* phones: full screen */
    '@media (max-width:480px){',
    '.jc-panel{inset:0;right:0;bottom:0;width:auto;height:auto;max-width:none;max-height:none;border-radius:0;border:0;',
    'padding-left:env(safe-area-inset-left,0px);padding-right:env(safe-area-inset-right,0px);}',
    '.jc-header{padding-top:calc(12px + env(safe-area-inset-top,0px));}',
    '.jc-launcher[aria-expanded="true"]{display:none;}',
    '.jc-bubble{max-width:92%;}',
    '.jc-hint .jc-hint-keys{display:none;}',
    '}',
    '@media (max-height:620px) and (min-width:481px){.jc-panel{height:calc(100vh - 112px);}}',
    '@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation:none!important;transition:none!important;scroll-behavior:auto!important;}}',
    '@media (forced-colors:active){.jc-cite,.jc-send,.jc-launcher,.jc-source-num{border:1px solid ButtonText;}}',
  ].join('\n');

  // ---------------------------------------------------------------- SSE parsing

  /**
   * Incremental Server-Sent Events parser: feed() decoded text in any chunking; calls
   * onEvent(name, data) per complete event (blank-line separated; multi-line data joined by \n).
   */
  function createSseParser(onEvent) {
    var buffer = '';
    var pendingCR = false;
    var eventName = '';
    var dataLines = [];
    var hasData = false;

    function dispatch() {
      if (hasData) onEvent(eventName || 'message', dataLines.join('\n'));
      eventName = '';
      dataLines = [];
      hasData = false;
    }

    function line(l) {
      if (l === '') return dispatch();
      if (l.charAt(0) === ':') return; // comment / keep-alive
      var idx = l.indexOf(':');
      var field = idx < 0 ? l : l.slice(0, idx);
      var value = idx < 0 ? '' : l.slice(idx + 1);
      if (value.charAt(0) === ' ') value = value.slice(1);
      if (field === 'event') eventName = value;
      else if (field === 'data') {
        dataLines.push(value);
        hasData = true;
      }
      // id / retry: not needed here
    }

    return {
      feed: function (text) {
        if (!text) return;
        if (pendingCR && text.charAt(0) === '\n') text = text.slice(1); // \r\n split across chunks
        pendingCR = text.charAt(text.length - 1) === '\r';
        buffer += text.replace(/\r\n?/g, '\n');
        var nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          var l = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          line(l);
        }
      },
      end: function () {
        if (buffer) line(buffer);
        buffer = '';
        dispatch();
      },
    };
  }

  function parseJson(text) {
    try {
      return JSON.parse(text);
    } catch (e) {
      return null;
    }
  }

  function normalizeCitations(list) {
    if (!Array.isArray(list)) return [];
    var out = [];
    list.forEach(function (c, i) {
      if (!c || typeof c !== 'object') return;
      var n = Number(c.n);
      if (!isFinite(n) || n < 1) n = i + 1;
      out.push({
        n: Math.floor(n),
        chunkId: c.chunkId != null ? String(c.chunkId) : '',
        title: c.title != null ? String(c.title) : '',
        town: c.town != null ? String(c.town) : '',
        snippet: c.snippet != null ? String(c.snippet) : '',
        author: c.author != null ? String(c.author) : '',
        section: c.section != null ? String(c.section) : '',
        page: Number(c.page) > 0 ? Math.floor(Number(c.page)) : null,
      });
    });
    out.sort(function (a, b) {
      return a.n - b.n;
    });
    return out;
  }

  /** Chinese text for an error: the server's message, localized by code when it is not Chinese. */
  function errorMessage(code, message) {
    var mapped = code && Object.prototype.hasOwnProperty.call(ERROR_TEXT, code) ? ERROR_TEXT[code] : '';
    message = message ? String(message).trim() : '';
    if (message && /[\u3400-\u9fff]/.test(message)) return message;
    if (mapped && message) return mapped + '（' + message + '）';
    return mapped || message || '服务暂时不可用，请稍后重试';
  }

  function isTouch() {
    return 'ontouchstart' in window || (window.matchMedia && window.matchMedia('(pointer: coarse)').matches);
  }

  // ---------------------------------------------------------------- widget

  function init() {
    if (document.getElementById('jincheng-chat-widget')) return;

    var host = document.createElement('jincheng-chat');
    host.id = 'jincheng-chat-widget';
    host.setAttribute('style', 'all:initial !important;'); // page CSS must not style or hide the host
    var shadow = host.attachShadow({ mode: 'open' });
    var style = document.createElement('style');
    style.textContent = CSS;
    shadow.appendChild(style);

    var uid = 0;
    var turns = []; // completed {role, content}
    var inFlight = null; // {controller, msg}
    var isOpen = false;
    var stickToBottom = true;

    // ---- structure
    var root = el('div', { className: 'jc-root' });
    var launcher = el(
      'button',
      {
        type: 'button',
        className: 'jc-launcher',
        'aria-label': '打开问答助手',
        'aria-expanded': 'false',
        'aria-controls': 'jc-panel',
        title: config.title,
      },
      [],
    );
    var icoChat = icon(ICONS.chat, 26);
    icoChat.setAttribute('class', 'jc-ico-chat');
    var icoClose = icon(ICONS.close, 24);
    icoClose.setAttribute('class', 'jc-ico-close');
    launcher.appendChild(icoChat);
    launcher.appendChild(icoClose);

    var titleId = 'jc-title';
    var resetBtn = el('button', {
      type: 'button',
      className: 'jc-hbtn jc-reset',
      'aria-label': '新对话',
      title: '新对话',
    });
    resetBtn.appendChild(icon(ICONS.plus, 20));
    var closeBtn = el('button', { type: 'button', className: 'jc-hbtn jc-close', 'aria-label': '关闭', title: '关闭' });
    closeBtn.appendChild(icon(ICONS.close, 20));

    var header = el('div', { className: 'jc-header' }, [
      el('div', { className: 'jc-avatar', 'aria-hidden': 'true', text: '晋' }),
      el('div', { className: 'jc-heading' }, [
        el('h2', { className: 'jc-title', id: titleId, text: config.title }),
        el('p', { className: 'jc-subtitle', text: '基于新闻报道作答 · 附资料来源' }),
      ]),
      resetBtn,
      closeBtn,
    ]);

    var messages = el('div', {
      className: 'jc-messages',
      role: 'log',
      'aria-live': 'polite',
      'aria-relevant': 'additions text',
      'aria-label': '对话记录',
      tabindex: '0',
    });

    var input = el('textarea', {
      className: 'jc-input',
      rows: '1',
      placeholder: '请输入您的问题…',
      'aria-label': '请输入您的问题',
      maxlength: String(MAX_QUESTION),
      enterkeyhint: 'send',
      autocomplete: 'off',
    });
    var sendBtn = el('button', { type: 'submit', className: 'jc-send', 'aria-label': '发送', disabled: true }, ['发送']);
    var stopBtn = el('button', { type: 'button', className: 'jc-stop', 'aria-label': '停止生成', hidden: true }, [
      '停止',
    ]);
    var counter = el('span', { className: 'jc-count', 'aria-hidden': 'true' });
    var form = el('form', { className: 'jc-form', novalidate: true }, [input, stopBtn, sendBtn]);
    var composer = el('div', { className: 'jc-composer' }, [
      form,
      el('p', { className: 'jc-hint' }, [
        el('span', { className: 'jc-hint-keys', text: 'Enter 发送 · Shift+Enter 换行 · Esc 关闭' }),
        counter,
      ]),
    ]);

    var panel = el(
      'div',
      {
        className: 'jc-panel',
        id: 'jc-panel',
        role: 'dialog',
        'aria-modal': 'false',
        'aria-label': config.title,
        hidden: true,
      },
      [header, messages, composer],
    );

    root.appendChild(panel);
    root.appendChild(launcher);
    shadow.appendChild(root);
    document.body.appendChild(host);

    // ---- welcome / starters
    function renderWelcome() {
      var list = el('ul', { className: 'jc-starters', 'aria-label': '示例问题' });
      STARTERS.forEach(function (q) {
        list.appendChild(
          el('li', null, [
            el('button', {
              type: 'button',
              className: 'jc-starter',
              text: q,
              onclick: function () {
                send(q);
                if (!isTouch()) input.focus(); // the chip is gone: keep keyboard focus in the panel
              },
            }),
          ]),
        );
      });
      messages.appendChild(
        el('div', { className: 'jc-welcome' }, [
          el('p', { className: 'jc-welcome-title', text: '您好！我是晋城专业镇问答助手' }),
          el('p', {
            className: 'jc-welcome-text',
            text: '可以问我泽州精密铸造、高平潞绸、阳城陶瓷琉璃、陵川中药材、沁水蜂蜜等九个专业镇的情况，回答都会附上新闻原文出处。试试这些问题：',
          }),
          list,
        ]),
      );
    }

    function isEmpty() {
      return !messages.querySelector('.jc-msg');
    }

    // ---- open / close
    function open(opts) {
      if (!isOpen) {
        isOpen = true;
        panel.hidden = false;
        launcher.setAttribute('aria-expanded', 'true');
        scrollToBottom(true);
      }
      if (!opts || opts.focus !== false) {
        // after layout so the focus works in every browser
        setTimeout(function () {
          input.focus();
        }, 0);
      }
    }

    function close() {
      if (!isOpen) return;
      isOpen = false;
      panel.hidden = true;
      launcher.setAttribute('aria-expanded', 'false');
      launcher.focus();
    }

    launcher.addEventListener('click', function () {
      if (isOpen) close();
      else open();
    });
    closeBtn.addEventListener('click', close);
    panel.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' || e.key === 'Esc') {
        e.preventDefault();
        e.stopPropagation();
        close();
      }
    });
    launcher.addEventListener('keydown', function (e) {
      if ((e.key === 'Escape' || e.key === 'Esc') && isOpen) {
        e.preventDefault();
        close();
      }
    });

    resetBtn.addEventListener('click', function () {
      if (inFlight) inFlight.controller.abort();
      inFlight = null;
      turns = [];
      messages.textContent = '';
      renderWelcome();
      setBusy(false);
      input.focus();
    });

    // ---- composer
    function autosize() {
      input.style.height = 'auto';
      input.style.height = Math.min(input.scrollHeight + 2, 140) + 'px';
    }
    function updateSendState() {
      var len = input.value.length;
      sendBtn.disabled = !!inFlight || input.value.trim() === '';
      counter.textContent = len > MAX_QUESTION * 0.8 ? len + '/' + MAX_QUESTION : '';
    }
    input.addEventListener('input', function () {
      autosize();
      updateSendState();
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
        e.preventDefault();
        submit();
      }
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      submit();
    });
    stopBtn.addEventListener('click', function () {
      if (inFlight) inFlight.controller.abort();
    });

    function submit() {
      var q = input.value.trim();
      if (!q || inFlight) return;
      send(q);
    }

    function setBusy(busy) {
      stopBtn.hidden = !busy;
      messages.setAttribute('aria-busy', busy ? 'true' : 'false');
      updateSendState();
    }

    // ---- scrolling: follow the newest message while the reader is at the bottom (jumps, no smooth
    // scrolling: a smooth scroll in progress reads as "scrolled up" and the end of an answer was cut off)
    messages.addEventListener('scroll', function () {
      stickToBottom = messages.scrollHeight - messages.scrollTop - messages.clientHeight < 48;
    });
    function scrollToBottom(force) {
      if (force || stickToBottom) {
        messages.scrollTop = messages.scrollHeight;
        stickToBottom = true;
      }
    }
    // Anything that grows a message later (sources, chips, fonts, a wrapped line) keeps the bottom in view.
    var grow = typeof ResizeObserver === 'function' ? new ResizeObserver(function () {
      scrollToBottom(false);
    }) : null;
    /** Scrolls so that `node` and what follows it in `msg` show, never pushing the top of `node` out of view. */
    function reveal(msg, node) {
      var view = messages.getBoundingClientRect();
      var below = msg.node.getBoundingClientRect().bottom - view.bottom + 8;
      var room = node.getBoundingClientRect().top - view.top - 8;
      var by = Math.min(below, room);
      if (by > 0) messages.scrollTop += by;
      stickToBottom = messages.scrollHeight - messages.scrollTop - messages.clientHeight < 48;
    }

    // ---- messages
    function addUserMessage(text) {
      var m = el('div', { className: 'jc-msg jc-user' }, [
        el('span', { className: 'jc-sr', text: '我：' }),
        el('div', { className: 'jc-bubble', text: text }),
      ]);
      messages.appendChild(m);
      if (grow) grow.observe(m);
      return m;
    }

    function createAssistantMessage() {
      var id = ++uid;
      var node = el('div', { className: 'jc-msg jc-assistant', 'data-state': 'streaming' });
      var bubble = el('div', { className: 'jc-bubble' });
      node.appendChild(el('span', { className: 'jc-sr', text: '助手：' }));
      node.appendChild(bubble);
      messages.appendChild(node);
      if (grow) grow.observe(node);
      var msg = {
        uid: id,
        node: node,
        bubble: bubble,
        text: '',
        citations: [],
        refused: false,
        openN: null,
        openFrom: null,
        state: 'streaming',
        rafPending: false,
      };
      resetAssistant(msg);
      return msg;
    }

    function resetAssistant(msg) {
      msg.text = '';
      msg.citations = [];
      msg.refused = false;
      msg.openN = null;
      msg.state = 'streaming';
      msg.node.setAttribute('data-state', 'streaming');
      msg.node.classList.remove('jc-refused');
      msg.node.removeAttribute('data-id');
      msg.node.querySelectorAll('.jc-actions,.jc-followups,.jc-feedback-form').forEach(function (n) {
        n.remove();
      });
      msg.bubble.textContent = '';
      msg.answer = el('div', { className: 'jc-answer' });
      msg.thinking = el('div', { className: 'jc-thinking', role: 'status' }, [
        el('span', { className: 'jc-dots', 'aria-hidden': 'true' }, [el('i'), el('i'), el('i')]),
        el('span', { text: '正在思考…' }),
      ]);
      msg.bubble.appendChild(msg.thinking);
      msg.bubble.appendChild(msg.answer);
    }

    function citationFor(msg, n) {
      for (var i = 0; i < msg.citations.length; i++) if (msg.citations[i].n === n) return msg.citations[i];
      return null;
    }

    var MARKER_RE = /\[(\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)\]/g;

    function citeButton(msg, n, label) {
      return el('button', {
        type: 'button',
        className: 'jc-cite',
        'data-n': String(n),
        'aria-label': '来源 ' + n,
        'aria-expanded': msg.openN === n && msg.openFrom === 'marker' ? 'true' : 'false',
        'aria-controls': 'jc-card-' + msg.uid,
        text: label,
        onclick: function () {
          toggleSource(msg, n, 'marker');
        },
      });
    }

    var CLOSING_PUNCT = /^[。，、；：！？）」』”’》〉】,.;:!?)]+/;

    function appendMarker(parent, msg, tk) {
      if (tk.nums.length === 1) {
        parent.appendChild(citeButton(msg, tk.nums[0], tk.raw));
        return;
      }
      // "[1,2]": keep the brackets and separators as text, one button per number
      parent.appendChild(document.createTextNode('['));
      tk.inner.split(/(\s*[,，、]\s*)/).forEach(function (p) {
        if (/^\d+$/.test(p)) parent.appendChild(citeButton(msg, Number(p), p));
        else if (p) parent.appendChild(document.createTextNode(p));
      });
      parent.appendChild(document.createTextNode(']'));
    }

    /**
     * Answer text → text nodes and [n] buttons; the answer's textContent stays the original text.
     * A run of markers is kept on one line with the character before it and the punctuation after it.
     */
    function renderAnswer(msg) {
      var text = msg.text;
      var frag = document.createDocumentFragment();
      var tokens = [];
      var last = 0;
      var m;
      MARKER_RE.lastIndex = 0;
      while (!msg.refused && (m = MARKER_RE.exec(text))) {
        var nums = m[1].split(/\s*[,，、]\s*/).map(Number);
        var known =
          msg.state === 'streaming' ||
          nums.every(function (n) {
            return citationFor(msg, n);
          });
        if (!known) continue; // marker without a citation: leave it as plain text
        if (m.index > last) tokens.push({ t: text.slice(last, m.index) });
        tokens.push({ nums: nums, raw: m[0], inner: m[1] });
        last = m.index + m[0].length;
      }
      if (last < text.length) tokens.push({ t: text.slice(last) });

      var carry = '';
      for (var i = 0; i < tokens.length; ) {
        var tk = tokens[i];
        if (!tk.nums) {
          var t = tk.t;
          if (tokens[i + 1] && tokens[i + 1].nums && t && !/\s$/.test(t)) {
            var cut = /[\udc00-\udfff]$/.test(t) ? 2 : 1;
            carry = t.slice(-cut);
            t = t.slice(0, -cut);
          }
          if (t) frag.appendChild(document.createTextNode(t));
          i++;
          continue;
        }
        var run = el('span', { className: 'jc-nowrap' });
        if (carry) run.appendChild(document.createTextNode(carry));
        carry = '';
        while (i < tokens.length && tokens[i].nums) appendMarker(run, msg, tokens[i++]);
        var after = i < tokens.length ? CLOSING_PUNCT.exec(tokens[i].t) : null;
        if (after) {
          run.appendChild(document.createTextNode(after[0]));
          tokens[i] = { t: tokens[i].t.slice(after[0].length) };
        }
        frag.appendChild(run);
      }
      msg.answer.replaceChildren(frag);
      if (msg.state === 'streaming' && text) {
        msg.answer.appendChild(el('span', { className: 'jc-caret', 'aria-hidden': 'true' }));
      }
      if (msg.thinking && text) {
        msg.thinking.remove();
        msg.thinking = null;
      }
      scrollToBottom(false);
    }

    function scheduleRender(msg) {
      if (msg.rafPending) return;
      msg.rafPending = true;
      var run = function () {
        msg.rafPending = false;
        renderAnswer(msg);
      };
      if (typeof requestAnimationFrame === 'function' && !document.hidden) requestAnimationFrame(run);
      else setTimeout(run, 16);
    }

    function buildSourceCard(msg, c) {
      // For readers: the article's byline, where it was printed and, for a PDF, the page; file paths belong to the API and CLI.
      var byline = [c.author, c.section, c.page ? '第 ' + c.page + ' 页' : ''].filter(Boolean).join(' · ');
      var closeCard = el('button', {
        type: 'button',
        className: 'jc-source-close',
        'aria-label': '收起来源 ' + c.n,
        title: '收起',
        onclick: function () {
          var from = msg.openFrom;
          toggleSource(msg, c.n, from);
          var back = msg.node.querySelector(
            (from === 'list' ? '.jc-source-item' : '.jc-cite') + '[data-n="' + c.n + '"]',
          );
          if (back) back.focus();
        },
      });
      closeCard.appendChild(icon(ICONS.close, 16));
      return el(
        'div',
        { className: 'jc-source-card', id: 'jc-card-' + msg.uid, role: 'region', 'aria-label': '来源 ' + c.n, 'data-n': String(c.n) },
        [
          el('div', { className: 'jc-source-head' }, [
            el('strong', { className: 'jc-source-title', text: '[' + c.n + '] ' + (c.title || '未命名文章') }),
            closeCard,
          ]),
          byline ? el('p', { className: 'jc-source-byline', text: byline }) : null,
          c.town ? el('span', { className: 'jc-source-town', text: c.town }) : null,
          el('p', { className: 'jc-source-snippet', text: c.snippet || '（无摘录）' }),
        ],
      );
    }

    function syncExpanded(msg) {
      msg.node.querySelectorAll('.jc-cite').forEach(function (b) {
        var on = msg.openFrom === 'marker' && String(msg.openN) === b.getAttribute('data-n');
        b.setAttribute('aria-expanded', on ? 'true' : 'false');
      });
      msg.node.querySelectorAll('.jc-source-item').forEach(function (b) {
        var on = msg.openFrom === 'list' && String(msg.openN) === b.getAttribute('data-n');
        b.setAttribute('aria-expanded', on ? 'true' : 'false');
      });
    }

    /** One source card per message: after the answer (marker) or under the list entry (list). */
    function toggleSource(msg, n, from) {
      var existing = msg.node.querySelector('.jc-source-card');
      var same = msg.openN === n && msg.openFrom === from;
      if (existing) existing.remove();
      msg.openN = null;
      msg.openFrom = null;
      if (!same) {
        var c = citationFor(msg, n);
        if (c) {
          var card = buildSourceCard(msg, c);
          if (from === 'list') {
            var item = msg.node.querySelector('.jc-source-item[data-n="' + n + '"]');
            if (item && item.parentNode) item.parentNode.appendChild(card);
            else msg.answer.after(card);
          } else {
            msg.answer.after(card);
          }
          msg.openN = n;
          msg.openFrom = from;
          reveal(msg, card);
        }
      }
      syncExpanded(msg);
    }

    function renderSources(msg) {
      var old = msg.bubble.querySelector('.jc-sources');
      if (old) old.remove();
      if (msg.refused || !msg.citations.length) return;
      var list = el('ol');
      msg.citations.forEach(function (c) {
        list.appendChild(
          el('li', null, [
            el(
              'button',
              {
                type: 'button',
                className: 'jc-source-item',
                'data-n': String(c.n),
                'aria-expanded': 'false',
                'aria-controls': 'jc-card-' + msg.uid,
                'aria-label': '来源 ' + c.n + '：' + (c.title || '') + (c.town ? '（' + c.town + '）' : ''),
                onclick: function () {
                  toggleSource(msg, c.n, 'list');
                },
              },
              [
                el('span', { className: 'jc-source-num', 'aria-hidden': 'true', text: String(c.n) }),
                el('span', { className: 'jc-source-name', text: c.title || '未命名文章' }),
                c.town ? el('span', { className: 'jc-source-item-town', text: c.town }) : null,
              ],
            ),
          ]),
        );
      });
      msg.bubble.appendChild(
        el('div', { className: 'jc-sources' }, [el('p', { className: 'jc-sources-label', text: '资料来源' }), list]),
      );
    }

    /** The answer as plain text for the clipboard: the text, then its sources by title and byline. */
    function plainAnswer(msg) {
      if (msg.refused || !msg.citations.length) return msg.text;
      return msg.text + '\n\n来源：\n' + msg.citations.map(function (c) {
        return '[' + c.n + '] 《' + c.title + '》' + (c.author ? ' ' + c.author : '');
      }).join('\n');
    }

    function copyText(text) {
      if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
      return new Promise(function (resolve, reject) {
        var area = el('textarea', { className: 'jc-sr', 'aria-hidden': 'true' });
        area.value = text;
        shadow.appendChild(area);
        area.select();
        var ok = document.execCommand && document.execCommand('copy');
        area.remove();
        if (ok) resolve();
        else reject(new Error('copy failed'));
      });
    }

    function postFeedback(answerId, rating, comment) {
      var headers = { 'Content-Type': 'application/json' };
      if (config.apiKey) headers.Authorization = 'Bearer ' + config.apiKey;
      var body = { answerId: answerId, rating: rating };
      if (comment) body.comment = comment;
      return fetch(config.endpoint + '/api/feedback', {
        method: 'POST',
        headers: headers,
        body: JSON.stringify(body),
        credentials: 'omit',
        mode: 'cors',
      }).then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
      });
    }

    function actButton(cls, label, ico, text) {
      var b = el('button', { type: 'button', className: 'jc-act ' + cls, 'aria-label': label, title: label });
      b.appendChild(icon(ico, 16));
      if (text) b.appendChild(el('span', { text: text }));
      return b;
    }

    /** Copy, and (when the server gave the answer an id) 👍 / 👎 with an optional comment. */
    function renderActions(msg, answerId) {
      var status = el('span', { className: 'jc-act-status', role: 'status' });
      var copy = actButton('jc-copy', '复制回答', ICONS.copy, '复制');
      copy.addEventListener('click', function () {
        copyText(plainAnswer(msg)).then(
          function () {
            status.textContent = '已复制';
          },
          function () {
            status.textContent = '复制失败';
          },
        );
      });
      var row = el('div', { className: 'jc-actions' }, [copy]);
      if (answerId) {
        var up = actButton('jc-up', '有帮助', ICONS.up);
        var down = actButton('jc-down', '没帮助', ICONS.down);
        up.setAttribute('aria-pressed', 'false');
        down.setAttribute('aria-pressed', 'false');
        var sent = function (rating, comment) {
          up.setAttribute('aria-pressed', rating === 'up' ? 'true' : 'false');
          down.setAttribute('aria-pressed', rating === 'down' ? 'true' : 'false');
          postFeedback(answerId, rating, comment).then(
            function () {
              status.textContent = '感谢您的反馈';
            },
            function () {
              status.textContent = '反馈未能发送';
            },
          );
        };
        up.addEventListener('click', function () {
          var form = msg.node.querySelector('.jc-feedback-form');
          if (form) form.remove();
          sent('up');
        });
        down.addEventListener('click', function () {
          if (msg.node.querySelector('.jc-feedback-form')) return;
          var text = el('input', { className: 'jc-feedback-text', type: 'text', maxlength: '500', placeholder: '哪里不对？（可不填）', 'aria-label': '反馈意见（可不填）' });
          var form = el('form', { className: 'jc-feedback-form' }, [
            text,
            el('button', { type: 'submit', className: 'jc-feedback-send', text: '提交' }),
          ]);
          form.addEventListener('submit', function (e) {
            e.preventDefault();
            form.remove();
            sent('down', text.value.trim());
          });
          row.after(form);
          reveal(msg, form);
          text.focus();
        });
        row.appendChild(up);
        row.appendChild(down);
      }
      row.appendChild(status);
      msg.node.appendChild(row);
    }

    function renderFollowUps(msg, list) {
      if (!Array.isArray(list) || !list.length) return;
      var chips = el('div', { className: 'jc-followups', role: 'group', 'aria-label': '您可能还想问' });
      list.slice(0, 3).forEach(function (q) {
        q = String(q);
        chips.appendChild(
          el('button', {
            type: 'button',
            className: 'jc-followup',
            text: q,
            onclick: function () {
              if (inFlight) return;
              send(q);
              if (!isTouch()) input.focus();
            },
          }),
        );
      });
      msg.node.appendChild(chips);
    }

    function finish(msg, info) {
      msg.state = 'done';
      msg.refused = !!(info && info.refused);
      if (msg.thinking) {
        msg.thinking.remove();
        msg.thinking = null;
      }
      if (info && info.id) msg.node.setAttribute('data-id', String(info.id));
      if (info && info.mode) msg.node.setAttribute('data-mode', String(info.mode));
      if (msg.refused) {
        if (!msg.text.trim()) msg.text = '抱歉，现有资料中没有找到能回答这个问题的内容。';
        msg.node.classList.add('jc-refused');
        var existing = msg.node.querySelector('.jc-source-card');
        if (existing) existing.remove();
        msg.openN = null;
        renderAnswer(msg);
        var notice = el('div', { className: 'jc-notice' });
        notice.appendChild(icon(ICONS.info, 16));
        notice.appendChild(msg.answer);
        msg.bubble.replaceChildren(notice);
      } else {
        if (!msg.text.trim()) msg.text = '（没有返回内容）';
        renderAnswer(msg);
        renderSources(msg);
        syncExpanded(msg);
      }
      if (info && info.smallTalk) msg.node.setAttribute('data-small-talk', 'true');
      renderActions(msg, info && info.answerId ? String(info.answerId) : '');
      renderFollowUps(msg, info && info.followUps);
      msg.node.setAttribute('data-state', 'done');
      scrollToBottom(false);
    }

    function fail(msg, text, retry) {
      msg.state = 'error';
      if (msg.thinking) {
        msg.thinking.remove();
        msg.thinking = null;
      }
      renderAnswer(msg); // keep any partial answer, without caret
      var retryBtn = el('button', { type: 'button', className: 'jc-retry', 'aria-label': '重试' });
      retryBtn.appendChild(icon(ICONS.retry, 14));
      retryBtn.appendChild(document.createTextNode('重试'));
      retryBtn.addEventListener('click', function () {
        if (inFlight) return;
        retry();
      });
      msg.bubble.appendChild(
        el('div', { className: 'jc-error', role: 'alert' }, [
          el('span', { className: 'jc-error-text', text: '出错了：' + text }),
          retryBtn,
        ]),
      );
      msg.node.setAttribute('data-state', 'error');
      scrollToBottom(false);
    }

    // ---- request
    function send(question) {
      question = String(question || '').trim().slice(0, MAX_QUESTION);
      if (!question || inFlight) return;
      if (!isOpen) open({ focus: false });
      var welcome = messages.querySelector('.jc-welcome');
      if (welcome) welcome.remove();
      var history = turns.slice(-MAX_HISTORY).map(function (t) {
        return { role: t.role, content: t.content };
      });
      addUserMessage(question);
      input.value = '';
      autosize();
      var msg = createAssistantMessage();
      scrollToBottom(true);
      request(msg, question, history);
    }

    function drain(reader) {
      reader.read().then(
        function (r) {
          if (!r.done) drain(reader);
        },
        function () {
          /* the connection dropped after the answer was complete: nothing is lost */
        },
      );
    }

    function request(msg, question, history) {
      var controller = typeof AbortController === 'function' ? new AbortController() : { abort: function () {}, signal: undefined };
      var state = { done: false, errored: false, info: null };
      inFlight = { controller: controller, msg: msg };
      setBusy(true);

      function retry() {
        resetAssistant(msg);
        request(msg, question, history);
      }

      function handleEvent(name, data) {
        if (state.done || state.errored) return;
        var payload = parseJson(data);
        if (name === 'meta') {
          if (payload && payload.id) msg.node.setAttribute('data-id', String(payload.id));
        } else if (name === 'delta') {
          var t = payload && typeof payload.text === 'string' ? payload.text : '';
          if (t) {
            msg.text += t;
            scheduleRender(msg);
          }
        } else if (name === 'citations') {
          msg.citations = normalizeCitations(payload && payload.citations);
          scheduleRender(msg);
        } else if (name === 'done') {
          state.done = true;
          state.info = payload || {};
        } else if (name === 'error') {
          state.errored = true;
          var err = payload && (payload.error || payload);
          state.error = errorMessage(err && err.code, err && err.message);
        }
      }

      var headers = { 'Content-Type': 'application/json', Accept: 'text/event-stream' };
      if (config.apiKey) headers.Authorization = 'Bearer ' + config.apiKey;

      fetch(config.endpoint + '/api/chat', {
        method: 'POST',
        headers: headers,
        body: JSON.stringify({ question: question, history: history, stream: true }),
        signal: controller.signal,
        credentials: 'omit',
        mode: 'cors',
      })
        .then(function (res) {
          var type = (res.headers.get('content-type') || '').toLowerCase();
          if (!res.ok) {
            return res.text().then(function (body) {
              var j = parseJson(body);
              var e = j && j.error;
              state.errored = true;
              state.error = errorMessage(
                e && e.code,
                (e && e.message) || (res.status === 429 ? ERROR_TEXT.rate_limited : '服务器返回错误（HTTP ' + res.status + '）'),
              );
            });
          }
          if (type.indexOf('text/event-stream') < 0 || !res.body || !res.body.getReader) {
            // Fallback: a non-streaming JSON answer {answer, citations, refused, id, mode}.
            return res.text().then(function (body) {
              if (type.indexOf('text/event-stream') >= 0) {
                var p = createSseParser(handleEvent);
                p.feed(body);
                p.end();
                return;
              }
              var j = parseJson(body);
              if (!j || typeof j !== 'object') {
                state.errored = true;
                state.error = '无法解析服务器的回复';
                return;
              }
              if (j.error) {
                state.errored = true;
                state.error = errorMessage(j.error.code, j.error.message);
                return;
              }
              msg.text = String(j.answer != null ? j.answer : j.text != null ? j.text : '');
              msg.citations = normalizeCitations(j.citations);
              state.done = true;
              state.info = { id: j.id, answerId: j.answerId, refused: !!j.refused, mode: j.mode, followUps: j.followUps, smallTalk: j.smallTalk };
            });
          }
          var reader = res.body.getReader();
          var decoder = new TextDecoder('utf-8');
          var parser = createSseParser(handleEvent);
          function pump() {
            return reader.read().then(function (r) {
              if (r.done) {
                parser.feed(decoder.decode());
                parser.end();
                return;
              }
              parser.feed(decoder.decode(r.value, { stream: true }));
              if (state.done || state.errored) {
                // Show the answer now, and read on to the end of the stream: cancelling the reader aborts
                // the request (net::ERR_ABORTED in the console); the server ends the stream after `done`.
                drain(reader);
                return;
              }
              return pump();
            });
          }
          return pump();
        })
        .catch(function (e) {
          if (state.done) return;
          state.errored = true;
          state.error = e && e.name === 'AbortError' ? ERROR_TEXT.aborted : ERROR_TEXT.network;
        })
        .then(function () {
          if (inFlight && inFlight.msg === msg) inFlight = null;
          if (!msg.node.isConnected) {
            if (!inFlight) setBusy(false);
            return; // conversation was cleared
          }
          if (state.errored) {
            fail(msg, state.error, retry);
          } else if (state.done) {
            finish(msg, state.info);
            turns.push({ role: 'user', content: question });
            turns.push({ role: 'assistant', content: msg.text });
          } else {
            fail(msg, ERROR_TEXT.incomplete, retry);
          }
          if (!inFlight) setBusy(false);
          if (isOpen && !isTouch()) {
            var active = shadow.activeElement;
            if (!active || active === stopBtn || active === sendBtn) input.focus();
          }
        });
    }

    renderWelcome();
    updateSendState();

    window.JinchengChat = {
      __loaded: true,
      open: function () {
        open();
      },
      close: close,
      toggle: function () {
        if (isOpen) close();
        else open();
      },
      ask: function (question) {
        open({ focus: false });
        send(question);
      },
      endpoint: config.endpoint,
    };

    if (config.startOpen) open({ focus: false });
  }

  if (document.body) init();
  else document.addEventListener('DOMContentLoaded', init, { once: true });
})();
