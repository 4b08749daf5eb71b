// 对比: two years' plans (and last year's summary) → what `drafter compare --format html` shows, laid out in
// the page: status counts, the target-tracking table, target changes, both years side by side.

import { $, h, clear } from './dom.js';
import { t, onLang } from './i18n.js';
import { postJSON } from './api.js';
import { filePicker, runner, download, saveText, markStale, unmarkStale } from './ui.js';

let C = null;
let pickers, results, work, fetching;   // a result's runs, and its downloads
let only = null;     // a status to show alone, or null

export function initCompare(root) {
  results = $('#compare-results', root);
  work = runner($('#compare-busy', root), $('#compare-error', root), () => markStale(results, C && C.names));
  fetching = runner($('#compare-busy', root), $('#compare-error', root));
  const kinds = '.docx,.txt,.doc,.wps';
  pickers = {
    old: filePicker({ name: 'old', label: 'compare.old', accept: kinds }),
    new: filePicker({ name: 'new', label: 'compare.new', accept: kinds }),
    summary: filePicker({ name: 'summary', label: 'compare.summary', accept: kinds, optional: true }),
  };
  $('#compare-pickers', root).append(...Object.values(pickers).map((p) => p.el));
  $('#compare-form', root).addEventListener('submit', (e) => {
    e.preventDefault();
    if (!pickers.old.file()) { pickers.old.input.click(); return; }
    if (!pickers.new.file()) { pickers.new.input.click(); return; }
    run();
  });
  onLang(() => { if (C) run(); });
}

function formData(extra) {
  const fd = new FormData();
  for (const [k, p] of Object.entries(pickers)) if (p.file()) fd.append(k, p.file());
  for (const [k, v] of Object.entries(extra || {})) fd.append(k, v);
  return fd;
}

async function run() {
  const data = await work((progress) => postJSON('/api/ui/compare', formData(), { progress }));
  if (!data) return;
  C = data;
  C.names = `${pickers.old.file()?.name || ''} → ${pickers.new.file()?.name || ''}`;
  only = null;
  render();
}

/** Segments of a diff side: unchanged text as it is, the other op in <del> or <ins>. */
function segs(list, op) {
  return (list || []).map((s) => (s.op === op ? h(op === '-' ? 'del' : 'ins', {}, s.text) : s.text));
}

function render() {
  const v = C.view;
  const T = v.t;
  clear(results);
  unmarkStale(results);
  results.hidden = false;
  results.closest('.page').classList.add('has-results');
  results.dataset.run = String(Number(results.dataset.run || 0) + 1);   // a new result (the browser tests wait on it)
  const stem = (pickers.new.file()?.name || 'compare').replace(/\.[^.]+$/, '');
  const counts = h('div', { class: 'counts', id: 'compare-counts' }, v.counts.map((c) => {
    const b = h('button', { type: 'button', class: `badge b-${c.status}${only === c.status ? ' on' : ''}`, dataset: { status: c.status, n: String(c.n) },
      title: t('compare.filter') }, `${c.name} ${c.n}`);
    b.addEventListener('click', () => { only = only === c.status ? null : c.status; render(); });
    return b;
  }));
  const src = (side, year) => `${side}${year ? ` (${year})` : ''}`;
  const head = h('div', { class: 'card summary-bar compare-head' },
    h('div', { class: 'sources' }, `${T.old}: ${src(v.old_source, v.old_year)}  →  ${T.new}: ${src(v.new_source, v.new_year)}`,
      v.summary_source ? `  ·  ${T.summary}: ${src(v.summary_source, v.summary_year)}` : ''),
    counts,
    h('div', { class: 'downloads' },
      h('button', { type: 'button', class: 'btn btn-primary', onclick: () => tracked(stem) }, t('compare.docx')),
      h('button', { type: 'button', class: 'btn', onclick: () => saveText(JSON.stringify(C.report, null, 2), `${stem}-对比.json`) }, t('compare.json'))));
  results.append(head);

  if (v.tracking.length) {
    results.append(h('div', { class: 'card' }, h('h2', {}, T.tracking), h('div', { class: 'table-wrap' }, h('table', { class: 'grid-table tracking' },
      h('thead', {}, h('tr', {}, [T.metric, T.tr_old, T.tr_ach, T.tr_new, T.change, T.verdict].map((x) => h('th', {}, x)))),
      h('tbody', {}, v.tracking.map((r) => h('tr', { class: r.warn ? 'warn' : '' },
        h('td', {}, r.metric, r.where ? h('div', { class: 'note-small' }, r.where) : null),
        h('td', { class: 'num' }, r.old), h('td', { class: 'num' }, r.achieved), h('td', { class: 'num' }, r.new),
        h('td', { class: r.change }, r.change_name), h('td', { class: r.warn ? 'bad' : 'ok' }, r.verdict))))))));
  }
  if (v.target_changes.length) {
    const cols = [T.item, T.metric, T.old_target, T.new_target, T.change].concat(v.has_summary ? [T.achieved, T.verdict] : []);
    results.append(h('div', { class: 'card' }, h('h2', {}, T.target_changes), h('div', { class: 'table-wrap' }, h('table', { class: 'grid-table' },
      h('thead', {}, h('tr', {}, cols.map((x) => h('th', {}, x)))),
      h('tbody', {}, v.target_changes.map((r) => h('tr', { class: r.warn ? 'warn' : '' },
        h('td', {}, r.item), h('td', {}, r.metric), h('td', { class: 'num' }, r.old), h('td', { class: 'num' }, r.new),
        h('td', { class: r.change }, r.change_name),
        v.has_summary ? [h('td', { class: 'num' }, r.achieved), h('td', { class: r.warn ? 'bad' : 'ok' }, r.verdict)] : null)))))));
  }

  const rows = [];
  for (const sec of v.sections) {
    const shown = sec.rows.filter((r) => !only || r.status === only);
    if (!shown.length) continue;
    rows.push(h('tr', { class: 'sec' }, h('td', {}),
      h('td', {}, sec.old.length ? segs(sec.old, '-') : h('span', { class: 'empty' }, '—')),
      h('td', {}, sec.new.length ? segs(sec.new, '+') : h('span', { class: 'was' }, T.heading_gone))));
    for (const r of shown) {
      rows.push(h('tr', { class: `row st-${r.status}`, id: r.anchor },
        h('td', {}, h('span', { class: `badge b-${r.status}` }, r.status_name), r.sim ? h('span', { class: 'sim' }, r.sim) : null),
        h('td', { class: 'text' }, r.old_label !== null ? [h('span', { class: `lab${r.renumbered ? ' renum' : ''}` }, r.old_label), segs(r.old, '-'),
          r.old_note ? h('div', { class: 'note-small' }, r.old_note) : null] : h('span', { class: 'empty' }, '—')),
        h('td', { class: 'text' }, r.new_label !== null ? [h('span', { class: `lab${r.renumbered ? ' renum' : ''}` }, r.new_label), segs(r.new, '+'),
          r.notes.map((n) => h('div', { class: 'note-small' }, n))] : h('span', { class: 'empty' }, '—'))));
    }
  }
  results.append(h('div', { class: 'card' }, h('h2', {}, T.by_item), h('div', { class: 'table-wrap' },
    h('table', { class: 'side', id: 'compare-side' },
      h('colgroup', {}, h('col', { class: 'st' }), h('col', { class: 'tx' }), h('col', { class: 'tx' })),
      h('thead', {}, h('tr', {}, h('th', {}, T.status), h('th', {}, `${T.old}${v.old_year ? ` ${v.old_year}` : ''}`),
        h('th', {}, `${T.new}${v.new_year ? ` ${v.new_year}` : ''}`))),
      h('tbody', {}, rows))), h('p', { class: 'hint' }, T.footer)));
}

function tracked(stem) {
  return fetching((progress) => download('/api/compare', formData({ format: 'docx' }), `${stem}-对比.docx`, { progress }));
}
