// 起草: last year's plan → next year's outline (what `drafter init` makes), edited as a tree, previewed as
// `drafter draft` will write it (numbering, targets against last year's summary: all computed by the server),
// downloaded as .docx / .txt / the outline .yaml the command line reads.

import { $, h, append, clear, autoGrow, debounce, stickyHeight } from './dom.js';
import { t, onLang } from './i18n.js';
import { postJSON } from './api.js';
import { filePicker, busy, showError, clearError, download } from './ui.js';
import { Outline } from './outline.js';
import { targetTable, agencyEditor, noteBox } from './draft_parts.js';

const ROLES = ['lead', 'responsible', 'cooperate'];
let S = null;                 // the outline being edited and what the server said about it
let page, editor, busyHost, errorHost;
const refs = new Map();       // node _id → {el, label, badge, title, text, targets}
let unwatchToolbar = () => {};  // stops following the toolbar's height (--bar-h)

export function initDraft(root) {
  page = root;
  editor = $('#draft-editor', root);
  busyHost = $('#draft-busy', root);
  errorHost = $('#draft-error', root);
  const plan = filePicker({ name: 'file', label: 'draft.plan', accept: '.docx,.txt,.doc,.wps' });
  const summary = filePicker({ name: 'summary', label: 'draft.summary', accept: '.docx,.txt,.doc,.wps', optional: true });
  $('#draft-init-pickers', root).append(plan.el, summary.el);
  const outlineF = filePicker({ name: 'outline', label: 'draft.outline', accept: '.yaml,.yml' });
  const priorR = filePicker({ name: 'prior', label: 'draft.plan', accept: '.docx,.txt,.doc,.wps', optional: true });
  const summaryR = filePicker({ name: 'summary', label: 'draft.summary', accept: '.docx,.txt,.doc,.wps', optional: true });
  $('#draft-resume-pickers', root).append(outlineF.el, priorR.el, summaryR.el);

  $('#draft-init-form', root).addEventListener('submit', (e) => {
    e.preventDefault();
    if (!plan.file()) { plan.input.click(); return; }
    const fd = new FormData();
    fd.append('file', plan.file());
    if (summary.file()) fd.append('summary', summary.file());
    const year = $('#draft-year', root).value.trim();
    if (year) fd.append('year', year);
    begin('/api/ui/start', fd);
  });
  $('#draft-resume-form', root).addEventListener('submit', (e) => {
    e.preventDefault();
    if (!outlineF.file()) { outlineF.input.click(); return; }
    const fd = new FormData();
    fd.append('outline', outlineF.file());
    if (priorR.file()) fd.append('prior', priorR.file());
    if (summaryR.file()) fd.append('summary', summaryR.file());
    begin('/api/ui/resume', fd);
  });
  window.addEventListener('beforeunload', (e) => {
    if (S && S.dirty) { e.preventDefault(); e.returnValue = t('draft.leave'); }
  });
  onLang(() => { if (S) { renderEditor(); preview.flush(); } });
}

async function begin(url, fd) {
  clearError(errorHost);
  try {
    const data = await busy(busyHost, (progress) => postJSON(url, fd, { progress }));
    load(data);
  } catch (err) {
    showError(errorHost, err);
  }
}

function load(data) {
  S = {
    ol: new Outline(data.outline), summary: data.summary || null, agencies: data.agencies || [],
    source: data.source || '', labels: {}, targets: {}, blocks: [], seq: 0, dirty: false, previewError: null,
  };
  $('#draft-start', page).hidden = true;
  editor.hidden = false;
  renderEditor();
  preview.flush();
  window.scrollTo(0, 0);
}

// --- the server's view of the outline ---------------------------------------------------------------------

async function refreshPreview() {
  if (!S) return;
  const seq = ++S.seq;
  document.body.dataset.preview = 'pending';
  const body = { outline: S.ol.serialize(), summary: S.summary };
  const t0 = performance.now();
  try {
    const r = await postJSON('/api/ui/preview', body, { job: false });
    S.previewMs = performance.now() - t0;
    if (!S || seq !== S.seq) return;
    S.labels = r.labels || {};
    S.targets = r.targets || {};
    S.blocks = r.blocks || [];
    S.previewError = null;
  } catch (err) {
    if (!S || seq !== S.seq) return;
    S.previewError = err.message;
  }
  applyPreview();
  if (!preview.waiting()) document.body.dataset.preview = 'idle';   // (the browser tests wait for this)
}
// ask 350 ms after the last keystroke; a long plan, whose answer takes longer, waits longer between asks
const preview = debounce(refreshPreview, () => Math.max(350, Math.min(3000, 1.5 * ((S && S.previewMs) || 0))));
const schedule = preview;

/** After an edit: redraw what moved (`redraw`: the nodes, or null for the whole tree, to draw again). */
function changed(id, { redraw = null } = {}) {
  S.dirty = true;
  if (redraw) redrawNodes(redraw);
  else if (id) paintStatus(id);
  paintCounts();
  document.body.dataset.preview = 'pending';
  schedule();
}

// --- the editor -------------------------------------------------------------------------------------------

function button(key, onclick, cls = 'btn') {
  return h('button', { type: 'button', class: cls, 'data-t': key, onclick }, t(key));
}

function renderEditor() {
  refs.clear();
  clear(editor);
  const d = S.ol.data;
  const toolbar = h('div', { class: 'toolbar card' },
    h('div', { class: 'toolbar-main' },
      button('draft.docx', () => save('docx'), 'btn btn-primary'),
      button('draft.txt', () => save('txt')),
      button('draft.yaml', () => save('yaml')),
      h('span', { class: 'toolbar-gap' }),
      button('draft.restart', restart, 'btn btn-quiet')),
    h('div', { class: 'toolbar-info' },
      h('span', { class: 'counts', id: 'draft-counts' }),
      h('button', { type: 'button', class: 'link notes-count', id: 'draft-notes', onclick: nextNote }),
      h('span', { class: 'summary-used' },
        S.summary ? t('draft.summary.used', { t: S.summary.title || S.summary.source || '' }) : t('draft.summary.none'))));

  const list = h('datalist', { id: 'agency-names' }, S.agencies.map((n) => h('option', { value: n })));

  const field = (key, input, extra) => h('label', { class: 'field' }, h('span', { class: 'field-name' }, t(key)), input, extra);
  const text = (name, ph) => {
    const el = h('input', { type: 'text', value: d[name] == null ? '' : String(d[name]), name: `outline-${name}`, placeholder: ph || '' });
    el.addEventListener('input', () => { d[name] = el.value; changed(null); });
    return el;
  };
  const yearEl = h('input', { type: 'number', value: d.year == null ? '' : String(d.year), min: '1949', max: '2200', name: 'outline-year' });
  yearEl.addEventListener('input', () => { const v = parseInt(yearEl.value, 10); d.year = Number.isFinite(v) ? v : null; changed(null); });
  const numbering = h('select', { name: 'outline-numbering', disabled: Array.isArray(d.numbering) },
    ['continuous', 'restart'].map((v) => h('option', { value: v, selected: d.numbering === v }, t(`num.${v}`))));
  numbering.addEventListener('change', () => { d.numbering = numbering.value; changed(null); });
  const style = h('select', { name: 'outline-agency_style' },
    ['lead', 'responsible', 'none'].map((v) => h('option', { value: v, selected: (d.agency_style || 'lead') === v }, t(`as.${v}`))));
  style.addEventListener('change', () => { d.agency_style = style.value; changed(null); });
  const appendix = h('input', { type: 'checkbox', checked: !!d.appendix_table, name: 'outline-appendix_table' });
  appendix.addEventListener('change', () => { d.appendix_table = appendix.checked; changed(null); });

  const topNote = (key) => noteBox(d._notes && d._notes[key], () => { delete d._notes[key]; changed(null); renderEditor(); preview.flush(); });
  const otherNotes = Object.keys(d._notes || {}).filter((k) => !['date', 'preamble', 'targets', 'title', '#end'].includes(k))
    .map((k) => topNote(k));

  const head = h('div', { class: 'card head-card' },
    h('h2', { 'data-t': 'draft.head' }, t('draft.head')),
    h('div', { class: 'grid' },
      field('draft.f.title', text('title'), topNote('title')),
      field('draft.f.year', yearEl),
      field('draft.f.issuer', text('issuer')),
      field('draft.f.date', text('date', t('draft.f.date.ph')), d._notes && d._notes.date ? h('small', { class: 'field-hint' }, d._notes.date) : null),
      field('draft.f.numbering', numbering),
      field('draft.f.agency_style', style),
      h('label', { class: 'field field-check' }, appendix, h('span', {}, t('draft.f.appendix')))),
    otherNotes);

  const pre = h('textarea', { class: 'preamble', name: 'outline-preamble', rows: '4' }, '');
  pre.value = d.preamble || '';
  autoGrow(pre);
  pre.addEventListener('input', () => { d.preamble = pre.value; changed(null); });
  const headTargets = h('div', { class: 'targets-host table-wrap' });
  refs.set('_top', { text: pre, targets: headTargets, field: { preamble: pre } });
  const preCard = h('div', { class: 'card' },
    h('h2', {}, t('draft.preamble')), topNote('preamble'), pre, topNote('targets'),
    h('h3', { class: 'sub', id: 'draft-headline-title' }, t('draft.headline')), headTargets);

  const tree = h('div', { class: 'tree', id: 'draft-tree' });
  const body = h('div', { class: 'card tree-card' }, h('h2', {}, t('draft.body')), tree);

  const previewPane = h('aside', { class: 'card preview-card' },
    h('h2', {}, t('draft.preview')), h('p', { class: 'hint' }, t('draft.preview.lead')),
    h('div', { class: 'preview-error', id: 'draft-preview-error', hidden: true }),
    h('div', { class: 'paper', id: 'draft-paper' }));

  editor.append(toolbar, list, h('div', { class: 'columns' },
    h('div', { class: 'col-main' }, head, preCard, body), h('div', { class: 'col-side' }, previewPane)));
  unwatchToolbar();
  unwatchToolbar = stickyHeight(toolbar, '--bar-h');
  renderTree();
  applyPreview();
}

const parentOf = (id) => { const f = S.ol.find(id); return f && f.parent ? f.parent._id : null; };

/** Draw again the subtrees of `ids` (a node's children moved, it was dropped …); null among them: the tree. */
function redrawNodes(ids) {
  if (ids.includes(null)) { renderTree(); return; }
  for (const id of new Set(ids)) {
    const f = S.ol.find(id);
    const r = refs.get(id);
    if (!f || !r || !r.el.isConnected) { renderTree(); return; }
    for (const x of r.el.querySelectorAll('.node')) refs.delete(x.dataset.id);
    r.el.replaceWith(nodeEl(f.node, f.depth, f.siblings, f.index, f.parent));
  }
  applyPreview();
}

function renderTree() {
  const tree = $('#draft-tree', editor);
  for (const k of [...refs.keys()]) if (k !== '_top') refs.delete(k);
  clear(tree);
  S.ol.data.sections.forEach((n, i, arr) => tree.append(nodeEl(n, 0, arr, i, null)));
  tree.append(h('div', { class: 'add-row' }, button('node.addSection', () => addTo(null), 'btn btn-add')));
  paintCounts();
}

function nodeEl(n, depth, siblings, index, parent) {
  const id = n._id;
  const dropped = S.ol.isDropped(id);
  const isHeading = Array.isArray(n.children) && n.children.length > 0;
  const label = h('span', { class: 'label' }, S.labels[id] || '');
  const title = h('textarea', { class: 'title', rows: '1', name: 'node-title', placeholder: t('node.title.ph'), disabled: dropped });
  title.value = n.title || '';
  autoGrow(title);
  title.addEventListener('input', () => { n.title = title.value; changed(id); });
  title.addEventListener('focus', () => follow(id));
  const badge = h('span', { class: 'badge' });
  const actions = h('div', { class: 'actions' });
  if (!dropped) {
    actions.append(
      h('button', { type: 'button', class: 'icon-btn', title: t('node.up'), 'aria-label': t('node.up'), disabled: index === 0,
        onclick: () => { if (S.ol.move(id, -1)) { changed(id, { redraw: [parentOf(id)] }); focusNode(id); } } }, '↑'),
      h('button', { type: 'button', class: 'icon-btn', title: t('node.down'), 'aria-label': t('node.down'), disabled: index === siblings.length - 1,
        onclick: () => { if (S.ol.move(id, 1)) { changed(id, { redraw: [parentOf(id)] }); focusNode(id); } } }, '↓'));
    if (depth > 0) {
      // the other sections are listed when the writer opens the list (a long plan has thousands of these)
      const sel = h('select', { class: 'move', 'aria-label': t('node.move') },
        h('option', { value: '', selected: true }, t('node.move')));
      const fill = () => {
        if (sel.options.length > 1) return;
        for (const p of S.ol.parentsFor(id)) sel.append(h('option', { value: p._id }, short(`${S.labels[p._id] || ''}${p.title || ''}`)));
      };
      sel.addEventListener('focus', fill);
      sel.addEventListener('pointerdown', fill);
      sel.addEventListener('change', () => {
        const from = parentOf(id);
        if (sel.value && S.ol.moveTo(id, sel.value)) { changed(id, { redraw: [from, sel.value] }); focusNode(id); }
      });
      actions.append(sel);
    }
    actions.append(button('node.drop', () => {
      const parent = parentOf(id);
      S.ol.drop(id, true);
      changed(id, { redraw: [S.ol.find(id) ? id : parent] });
    }, 'btn btn-small btn-danger'));
  } else if (S.ol.meta.get(id)?.dropped) {
    actions.append(button('node.restore', () => { S.ol.drop(id, false); changed(id, { redraw: [id] }); }, 'btn btn-small'));
  }
  const headRow = h('div', { class: 'node-head' }, label, title, badge, actions);
  const el = h('div', { class: `node depth-${depth}${isHeading ? ' is-heading' : ' is-item'}${dropped ? ' is-dropped' : ''}`, dataset: { id } }, headRow);
  const ref = { el, label, badge, title, field: { title } };
  refs.set(id, ref);

  if (!dropped) {
    const body = h('div', { class: 'node-body' });
    if (!isHeading || n.text) {
      const text = h('textarea', { class: 'text', rows: '2', name: 'node-text', placeholder: t('node.text.ph') });
      text.value = n.text || '';
      autoGrow(text);
      text.addEventListener('input', () => { n.text = text.value; changed(id); });
      text.addEventListener('focus', () => follow(id));
      ref.field.text = text;
      body.append(text);
    }
    if (!isHeading || (n.agencies || []).length) {
      body.append(agencyEditor(n, ROLES, () => changed(id), (name) => rememberAgency(name)));
    }
    ref.targets = h('div', { class: 'targets-host table-wrap' });
    body.append(ref.targets);
    append(body, [
      noteBox(n._note, () => { delete n._note; changed(id, { redraw: [id] }); preview.flush(); }),
      n.from ? h('div', { class: 'from' }, t('node.from', { f: n.from })) : null,
      ref.empty = S.ol.meta.get(id)?.isNew ? h('div', { class: 'hint empty-hint' }, t('node.empty')) : null]);
    el.append(body);
  }
  if (Array.isArray(n.children) && n.children.length) {
    const kids = h('div', { class: 'children' });
    n.children.forEach((c, i, arr) => kids.append(nodeEl(c, depth + 1, arr, i, n)));
    el.append(kids);
  }
  if (!dropped && (depth === 0 || isHeading)) {
    el.append(h('div', { class: 'add-row' }, button('node.add', () => addTo(id), 'btn btn-add')));
  }
  paintStatus(id);
  return el;
}

function short(s, n = 24) {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

function rememberAgency(name) {
  if (S.agencies.includes(name)) return;
  S.agencies.unshift(name);
  const list = $('#agency-names', editor);
  if (list) list.prepend(h('option', { value: name }));
}

function addTo(parentId) {
  const n = S.ol.add(parentId);
  if (!n) return;
  changed(n._id, { redraw: [parentId] });
  focusNode(n._id);
}

function focusNode(id) {
  const r = refs.get(id);
  if (!r) return;
  r.el.scrollIntoView({ block: 'center' });
  r.el.classList.add('flash');
  setTimeout(() => r.el.classList.remove('flash'), 1200);
  if (!r.title.disabled) r.title.focus({ preventScroll: true });
}

function paintStatus(id) {
  const r = refs.get(id);
  if (!r) return;
  const st = S.ol.isDropped(id) ? 'dropped' : S.ol.status(id);
  const n = S.ol.find(id)?.node;
  const word = { carried: n && n.from ? t('node.carried') : '', edited: t('node.edited'), new: t('node.new'),
    dropped: t('node.dropped'), moved: t('node.moved') }[st];
  r.badge.textContent = word || '';
  r.badge.className = `badge st-${st}`;
  r.badge.hidden = !word;
  r.el.classList.remove('st-carried', 'st-edited', 'st-new', 'st-dropped', 'st-moved');
  r.el.classList.add(`st-${st}`);
  if (r.empty) r.empty.hidden = !!(n && (n.title || n.text));
}

/** 需要核对 N 处, clicked: the next review note below the one last shown (round to the first), centred. */
function nextNote() {
  const notes = [...editor.querySelectorAll('.note')];
  if (!notes.length) return;
  const i = (notes.indexOf(S.lastNote) + 1) % notes.length;
  if (S.lastNote) S.lastNote.classList.remove('shown');
  S.lastNote = notes[i];
  notes[i].classList.add('shown');
  notes[i].scrollIntoView({ block: 'center' });
  notes[i].classList.add('flash');
  setTimeout(() => notes[i].classList.remove('flash'), 1200);
}

function paintCounts() {
  const c = $('#draft-counts', editor);
  if (c) c.textContent = t('draft.counts', S.ol.counts());
  const nn = S.ol.notesCount();
  const notes = $('#draft-notes', editor);
  if (notes) {
    notes.textContent = nn ? t('draft.notes', { n: nn }) : t('draft.notes.none');
    notes.classList.toggle('has-notes', nn > 0);
  }
}

function applyPreview() {
  if (!S) return;
  for (const [id, r] of refs) {
    if (r.label) r.label.textContent = S.labels[id] || (S.ol.isDropped(id) ? '' : '·');
    if (r.targets) {
      const rows = S.targets[id] || [];
      const key = JSON.stringify(rows);
      if (r.shownTargets === key) continue;         // unchanged since the last answer
      r.shownTargets = key;
      clear(r.targets);
      if (rows.length) r.targets.append(targetTable(rows, !!S.summary, (row, value) => retarget(id, row, value)));
    }
  }
  for (const sel of editor.querySelectorAll('select.move')) {
    while (sel.options.length > 1) sel.remove(1);     // filled again, with the new labels, when opened
  }
  const headline = $('#draft-headline-title', editor);
  if (headline) headline.hidden = !(S.targets._top || []).length;
  const err = $('#draft-preview-error', editor);
  if (err) {
    err.textContent = S.previewError || '';
    err.hidden = !S.previewError;
  }
  paintPaper();
}

/** Show, in the preview, the paragraph of the node being edited (found by its label and first words). */
function follow(id, scroll = true) {
  S.following = id;
  const f = S.ol.find(id);
  const paper = $('#draft-paper', editor);
  if (!f || !paper) return;
  const head = `${S.labels[id] || ''}${(f.node.title || f.node.text || '').trim().slice(0, 8)}`;
  for (const x of paper.querySelectorAll('.blk.follow')) x.classList.remove('follow');
  if (!head) return;
  const blk = [...paper.querySelectorAll('.blk')].find((b) => b.textContent.startsWith(head));
  if (!blk) return;
  blk.classList.add('follow');
  if (head !== S.followHead) scroll = true;     // a new label (moved, renumbered): the preview goes there too
  S.followHead = head;
  if (!scroll) return;
  const top = blk.getBoundingClientRect().top - paper.getBoundingClientRect().top + paper.scrollTop;
  paper.scrollTo({ top: Math.max(0, top - paper.clientHeight / 3), behavior: 'smooth' });
}

function paintPaper() {
  const paper = $('#draft-paper', editor);
  if (!paper) return;
  const old = paper.children;
  const fresh = S.blocks.map(blockEl);
  // keep the paragraphs that did not change (a long plan: one edit, one paragraph redrawn)
  if (old.length === fresh.length) {
    fresh.forEach((el, i) => { if (!old[i].isEqualNode(el)) paper.replaceChild(el, old[i]); });
  } else {
    clear(paper).append(...fresh);
  }
  if (S.following) follow(S.following, false);
}

function blockEl(b) {
  if (b.style === 'blank' || b.style === 'pagebreak') return h('div', { class: `blk blk-${b.style}` });
  if (b.style === 'table' || b.style === 'row') {
    return h('div', { class: `blk blk-${b.style}` }, (b.cells || []).map((c) => h('span', { class: 'cell' }, c)));
  }
  const p = h('p', { class: `blk blk-${b.style}` });
  if (b.lead && b.text.startsWith(b.lead)) p.append(h('span', { class: 'run-in' }, b.lead), b.text.slice(b.lead.length));
  else p.append(b.text);
  return p;
}

async function retarget(owner, row, value) {
  const node = owner === '_top' ? S.ol.data : S.ol.find(owner)?.node;
  if (!node) return;
  const text = node[row.field] || '';
  try {
    const r = await postJSON('/api/ui/retarget', { text, index: row.index, number: value }, { job: false });
    node[row.field] = r.text;
    const input = refs.get(owner)?.field[row.field];
    if (input) {
      input.value = r.text;
      input.dispatchEvent(new Event('input'));
    } else changed(owner === '_top' ? null : owner);
    preview.flush();
  } catch (err) {
    showError(errorHost, err);
    applyPreview();
  }
}

async function save(format) {
  clearError(errorHost);
  try {
    if (format === 'yaml') {
      await download('/api/ui/yaml', { outline: S.ol.serialize() }, 'outline.yaml', { job: false });
      S.dirty = false;
    } else {
      await busy(busyHost, (progress) => download('/api/draft', { outline: S.ol.serialize({ draft: true }), format },
        `draft.${format}`, { progress }));
    }
  } catch (err) {
    showError(errorHost, err);
  }
}

function restart() {
  if (S && S.dirty && !window.confirm(t('draft.restart.confirm'))) return;
  S = null;
  refs.clear();
  unwatchToolbar();
  clear(editor);
  editor.hidden = true;
  clearError(errorHost);
  $('#draft-start', page).hidden = false;
}
