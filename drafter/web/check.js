// 检查: a draft (and optionally last year's plan, summary, drafter.yaml) → `drafter check`'s findings beside the
// document as it reads; a finding clicked scrolls to its paragraph and marks the flagged words.

import { $, h, clear } from './dom.js';
import { t, onLang, lang } from './i18n.js';
import { postJSON, getJSON } from './api.js';
import { filePicker, runner, download, saveText, markStale, unmarkStale } from './ui.js';

const SEVS = ['error', 'warning', 'info'];
let R = null;          // the last result: {report, sarif, document, stem}
let pickers, results, work, fetching;   // a result's runs, and its downloads
let features = null;
let summaries = { lang: null, map: {} };   // rule code → its one-line summary (`drafter rules`), in the page's language
const filter = { sev: new Set(SEVS), rule: '' };

export function initCheck(root) {
  results = $('#check-results', root);
  work = runner($('#check-busy', root), $('#check-error', root), () => markStale(results, R && R.name));
  fetching = runner($('#check-busy', root), $('#check-error', root));
  const kinds = '.docx,.txt,.doc,.wps';
  pickers = {
    file: filePicker({ name: 'file', label: 'check.file', accept: kinds }),
    prior: filePicker({ name: 'prior', label: 'check.prior', accept: kinds, optional: true }),
    summary: filePicker({ name: 'summary', label: 'check.summary', accept: kinds, optional: true }),
    config: filePicker({ name: 'config', label: 'check.config', accept: '.yaml,.yml', optional: true }),
  };
  $('#check-pickers', root).append(...Object.values(pickers).map((p) => p.el));
  $('#check-form', root).addEventListener('submit', (e) => {
    e.preventDefault();
    if (!pickers.file.file()) { pickers.file.input.click(); return; }
    run();
  });
  $('#rule-dialog-close').addEventListener('click', () => $('#rule-dialog').close());
  onLang(() => { if (R) run(); });
}

function formData() {
  const fd = new FormData();
  for (const [k, p] of Object.entries(pickers)) if (p.file()) fd.append(k, p.file());
  return fd;
}

async function run() {
  if (features === null) features = await getJSON('/api/ui/features').catch(() => ({}));
  if (summaries.lang !== lang()) {
    const list = await getJSON('/api/ui/rules').catch(() => []);
    summaries = { lang: lang(), map: Object.fromEntries(list.map((r) => [r.code, r.summary])) };
  }
  const data = await work((progress) => postJSON('/api/ui/check', formData(), { progress }));
  if (!data) return;
  const name = pickers.file.file().name || 'document';
  R = { ...data, name, stem: name.replace(/\.[^.]+$/, '') };
  render();
}

function findings() {
  return (R.report.findings || []).map((f, i) => ({ ...f, _i: i }));
}

function visible(f) {
  return filter.sev.has(f.severity) && (!filter.rule || f.rule === filter.rule);
}

function render() {
  clear(results);
  unmarkStale(results);
  results.hidden = false;
  results.closest('.page').classList.add('has-results');
  results.dataset.run = String(Number(results.dataset.run || 0) + 1);   // a new result (the browser tests wait on it)
  const all = findings();
  const counts = R.report.summary || {};
  const sevButtons = SEVS.map((s) => {
    const b = h('button', { type: 'button', class: `sev-toggle sev-${s}${filter.sev.has(s) ? ' on' : ''}`, 'aria-pressed': String(filter.sev.has(s)) },
      h('span', { class: 'n' }, String(counts[s] || 0)), ' ', t(`sev.${s}`));
    b.addEventListener('click', () => {
      if (filter.sev.has(s) && filter.sev.size > 1) filter.sev.delete(s); else filter.sev.add(s);
      b.classList.toggle('on', filter.sev.has(s));
      b.setAttribute('aria-pressed', String(filter.sev.has(s)));
      renderBody(all);
    });
    return b;
  });
  const rules = [...new Set(all.map((f) => f.rule))].sort();
  const ruleSel = h('select', { class: 'rule-filter', 'aria-label': t('check.filter.rule') },
    h('option', { value: '' }, t('check.filter.all')),
    rules.map((r) => h('option', { value: r, selected: filter.rule === r }, `${r} ${nameOf(all, r, 18)}`)));
  ruleSel.addEventListener('change', () => { filter.rule = ruleSel.value; renderBody(all); });

  const dl = h('div', { class: 'downloads' },
    h('button', { type: 'button', class: 'btn btn-primary', onclick: annotated }, t('check.annotated')),
    h('button', { type: 'button', class: 'btn', onclick: () => saveText(JSON.stringify(R.report, null, 2), `${R.stem}-检查.json`) }, t('check.json')),
    h('button', { type: 'button', class: 'btn', onclick: () => saveText(R.sarif, `${R.stem}.sarif`, 'application/sarif+json') }, t('check.sarif')),
    fixButton(all));

  const bar = h('div', { class: 'card summary-bar' },
    h('div', { class: 'sev-toggles' }, sevButtons, h('span', { class: 'total' }, t('check.total', { n: all.length }))),
    h('label', { class: 'rule-filter-wrap' }, h('span', {}, t('check.filter.rule')), ruleSel), dl);

  results.append(bar, h('div', { class: 'check-columns', id: 'check-columns' }));
  renderBody(all);
}

/** The document and the findings under the current filter (the bar above stays as it is). */
function renderBody(all) {
  const cols = $('#check-columns', results);
  clear(cols).append(
    h('div', { class: 'card doc-card' }, h('h2', {}, t('check.doc')), documentView(all)),
    h('div', { class: 'card findings-card' }, h('h2', {}, t('check.findings')), findingList(all)));
}

/** A rule as a writer reads it: its summary from `drafter rules` (else its code name), clipped to `n`. */
function nameOf(all, rule, n = 0) {
  const f = all.find((x) => x.rule === rule);
  const s = summaries.map[rule] || (f ? f.name : '');
  return n && s.length > n ? `${s.slice(0, n)}…` : s;
}

function documentView(all) {
  const byLine = new Map();
  for (const f of all) if (f.line) byLine.set(f.line, [...(byLine.get(f.line) || []), f]);
  const lines = (R.document && R.document.lines) || [];
  const wrap = h('div', { class: 'doc', id: 'check-doc' });
  if (!lines.length) wrap.append(h('p', { class: 'hint' }, t('check.nothing.doc')));
  for (const ln of lines) {
    if (ln.skipped) wrap.append(h('div', { class: 'gap' }, '⋯'));
    const fs = (byLine.get(ln.n) || []).filter(visible);
    const marks = fs.map((f) => h('button', { type: 'button', class: `mark sev-${f.severity}`, title: f.message, onclick: () => select(f) }, f.rule));
    const p = h('div', { class: `ln kind-${ln.kind} depth-${ln.depth || 0}${fs.length ? ` has-${worst(fs)}` : ''}`, id: `ln-${ln.n}`, dataset: { line: String(ln.n) } },
      h('span', { class: 'lno' }, String(ln.n)), lineText(ln), marks.length ? h('span', { class: 'lmarks' }, marks) : null);
    wrap.append(p);
  }
  return wrap;
}

/** A line's text; a heading's or item's label and lead sentence in their own span (set as a run-in heading). */
function lineText(ln) {
  const el = h('span', { class: 'ltext', dataset: { lead: String(ln.lead && ln.lead < ln.text.length ? ln.lead : 0) } });
  el.dataset.text = ln.text;
  return paintLine(el);
}

/** Fill a line's text: the run-in lead in its span, the characters `mark` = [start, end, severity] marked. */
function paintLine(el, mark) {
  const text = el.dataset.text;
  const lead = Number(el.dataset.lead) || 0;
  const cuts = [...new Set([0, lead, text.length, ...(mark ? [mark[0], mark[1]] : [])])].sort((a, b) => a - b);
  clear(el);
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    if (a >= b) continue;
    let piece = text.slice(a, b);
    if (mark && a >= mark[0] && b <= mark[1]) piece = h('mark', { class: `hl sev-${mark[2]}` }, piece);
    el.append(b <= lead ? h('span', { class: 'lead' }, piece) : piece);
  }
  return el;
}

function worst(fs) {
  for (const s of SEVS) if (fs.some((f) => f.severity === s)) return s;
  return 'info';
}

function findingList(all) {
  const wrap = h('div', { class: 'findings', id: 'check-findings' });
  const shown = all.filter(visible);
  if (!all.length) {
    wrap.append(h('p', { class: 'empty-ok' }, t('check.empty')));
    return wrap;
  }
  for (const s of SEVS) {
    const ofSev = shown.filter((f) => f.severity === s);
    if (!ofSev.length) continue;
    const group = h('section', { class: `sev-group sev-${s}` }, h('h3', {}, `${t(`sev.${s}`)} · ${ofSev.length}`));
    const rules = [...new Set(ofSev.map((f) => f.rule))];
    for (const r of rules) {
      const items = ofSev.filter((f) => f.rule === r);
      group.append(h('div', { class: 'rule-head' },
        h('span', { class: 'code' }, r), h('span', { class: 'rname', title: `${items[0].name}：${nameOf(all, r)}` }, nameOf(all, r)), h('span', { class: 'rcount' }, `×${items.length}`),
        h('button', { type: 'button', class: 'btn btn-small btn-quiet', onclick: () => explain(r) }, t('check.explain'))));
      for (const f of items) group.append(findingEl(f));
    }
    wrap.append(group);
  }
  const hidden = all.length - shown.length;
  if (hidden) wrap.append(h('p', { class: 'hint' }, t('check.hidden', { n: hidden })));
  return wrap;
}

function where(f) {
  if (!f.line) return '';
  return (f.path ? `${f.path} · ` : '') + t(/\.docx$/i.test(f.source || '') ? 'check.para' : 'check.line', { n: f.line });
}

function findingEl(f) {
  const el = h('div', { class: `finding sev-${f.severity}`, id: `finding-${f._i}`, tabindex: '0', role: 'button',
    dataset: { rule: f.rule, line: String(f.line || ''), severity: f.severity } },
    h('div', { class: 'f-head' }, h('span', { class: 'f-where' }, where(f)), f.label ? h('span', { class: 'f-label' }, f.label) : null),
    h('div', { class: 'f-msg' }, f.message),
    h('div', { class: 'f-detail' },
      f.excerpt ? h('div', { class: 'f-excerpt' }, h('span', { class: 'k' }, t('check.excerpt')), f.excerpt) : null,
      f.suggestion ? h('div', { class: 'f-sugg' }, h('span', { class: 'k' }, t('check.suggestion')), f.suggestion) : null,
      (f.related || []).length ? h('div', { class: 'f-related' }, h('span', { class: 'k' }, t('check.related')),
        f.related.map((r) => h('button', { type: 'button', class: 'link', onclick: (e) => { e.stopPropagation(); jump(r.line); } },
          `${r.path || ''} ${r.line ? t('check.line', { n: r.line }) : ''} ${r.excerpt || ''}`.trim()))) : null));
  el.addEventListener('click', () => select(f));
  el.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(f); } });
  return el;
}

/** Scroll `box` (not the page) so that `el` is in the middle of it (or just in view, `nearest`). */
function within(box, el, nearest = false) {
  if (!box) return;
  const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
  if (nearest && top >= box.scrollTop && top + el.offsetHeight <= box.scrollTop + box.clientHeight) return;
  box.scrollTo({ top: Math.max(0, top - (box.clientHeight - el.offsetHeight) / 2), behavior: 'smooth' });
}

function jump(line) {
  const p = document.getElementById(`ln-${line}`);
  if (!p) return null;
  for (const x of document.querySelectorAll('.ln.current')) x.classList.remove('current');
  p.classList.add('current');
  within(p.closest('.doc'), p);
  return p;
}

/**
 * The flagged words of a finding: [line, start, end] pieces. Its span when check gives one (offsets in the
 * lines as read, possibly running on into the next lines), else its excerpt found in its line.
 */
function flagged(f) {
  const sp = f.span;
  if (sp && sp.line && sp.start !== undefined && sp.end !== undefined) {
    const last = sp.end_line || sp.line;
    const out = [];
    for (let n = sp.line; n <= last; n += 1) {
      const el = document.querySelector(`#ln-${n} .ltext`);
      if (!el) continue;
      const len = el.dataset.text.length;
      const a = n === sp.line ? sp.start : 0;
      const b = n === last ? sp.end : len;
      if (a < b && b <= len) out.push([n, a, b]);
    }
    if (out.length) return out;
  }
  const el = document.querySelector(`#ln-${f.line} .ltext`);
  const ex = (f.excerpt || '').replace(/^…+|…+$/g, '');
  if (!el || !ex) return [];
  const text = el.dataset.text;
  let i = text.indexOf(ex);
  if (i >= 0) return [[f.line, i, i + ex.length]];
  // an excerpt longer than the line (a paragraph wrapped over lines): the longest part of it in the line
  for (const part of ex.split('…').sort((a, b) => b.length - a.length)) {
    if (part.length >= 4 && (i = text.indexOf(part)) >= 0) return [[f.line, i, i + part.length]];
  }
  return [];
}

function unmark() {
  for (const el of document.querySelectorAll('.ltext.marked')) {
    el.classList.remove('marked');
    paintLine(el);
  }
}

function select(f) {
  for (const x of document.querySelectorAll('.finding.selected')) x.classList.remove('selected');
  const card = document.getElementById(`finding-${f._i}`);
  if (card) {
    card.classList.add('selected');
    within(card.closest('.findings'), card, true);
  }
  unmark();
  if (!f.line) return;
  const p = jump(f.line);
  if (!p) return;
  for (const [n, a, b] of flagged(f)) {
    const el = document.querySelector(`#ln-${n} .ltext`);
    el.classList.add('marked');
    paintLine(el, [a, b, f.severity]);
  }
}

async function explain(code) {
  const dlg = $('#rule-dialog');
  $('#rule-dialog-title').textContent = code;
  $('#rule-dialog-text').textContent = '…';
  if (!dlg.open) dlg.showModal();
  try {
    const r = await getJSON(`/api/ui/rules/${encodeURIComponent(code)}`);
    $('#rule-dialog-title').textContent = `${r.code} · ${r.name}`;
    $('#rule-dialog-text').textContent = r.text;
  } catch (err) {
    $('#rule-dialog-text').textContent = err.message;
  }
}

function annotated() {
  return fetching((progress) => download('/api/annotate', formData(), `${R.stem}-批注.docx`, { progress }));
}

/** `drafter fix` on the same files, when the server has it and some finding has its one right fix. */
function fixButton(all) {
  const n = all.filter((f) => f.fixable).length;
  if (!features || !features.fix || !n) return null;
  const docx = /\.docx$/i.test(R.name);
  return h('button', { type: 'button', class: 'btn', id: 'check-fixed', onclick: fixed },
    t(docx ? 'check.fixed' : 'check.fixed.txt', { n }));
}

function fixed() {
  const ext = (/\.[^.]+$/.exec(R.name) || ['.txt'])[0];
  return fetching((progress) => download('/api/fix', formData(), `${R.stem}.fixed${ext}`, { progress }));
}
