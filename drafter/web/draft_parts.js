// Parts of an outline node in the 起草 page: its agencies as chips, its targets as a small table, its review note.

import { h, clear } from './dom.js';
import { t } from './i18n.js';

/** Agencies as chips with their role; a name field that suggests from <datalist id="agency-names">. */
export function agencyEditor(node, roles, onChange, onNewName) {
  const wrap = h('div', { class: 'agencies' });
  const chips = h('div', { class: 'chips' });
  const paint = () => {
    clear(chips);
    (node.agencies || []).forEach((a, i) => {
      const role = h('select', { class: 'role', 'aria-label': t('agencies') },
        roles.map((r) => h('option', { value: r, selected: (a.role || 'responsible') === r }, t(`role.${r}`))));
      role.addEventListener('change', () => { a.role = role.value; paintChip(); onChange(); });
      const chip = h('span', { class: `chip role-${a.role || 'responsible'}` },
        h('span', { class: 'chip-name' }, a.name), role,
        h('button', { type: 'button', class: 'chip-x', title: t('agency.remove'), 'aria-label': `${t('agency.remove')} ${a.name}`,
          onclick: () => { node.agencies.splice(i, 1); if (!node.agencies.length) delete node.agencies; paint(); onChange(); } }, '×'));
      const paintChip = () => { chip.className = `chip role-${a.role || 'responsible'}`; };
      chips.append(chip);
    });
  };
  const name = h('input', { type: 'text', class: 'agency-name', list: 'agency-names', placeholder: t('agency.ph'), name: 'agency-name' });
  const role = h('select', { class: 'role', name: 'agency-role' },
    roles.map((r) => h('option', { value: r }, t(`role.${r}`))));
  const add = () => {
    const v = name.value.trim();
    if (!v) { name.focus(); return; }
    if (!Array.isArray(node.agencies)) node.agencies = [];
    if (!node.agencies.some((a) => a.name === v)) {
      node.agencies.push({ name: v, role: role.value });
      onNewName(v);
      paint();
      onChange();
    }
    name.value = '';
    name.focus();
  };
  name.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } });
  const prefill = () => { role.value = (node.agencies || []).some((a) => a.role === 'lead') ? 'cooperate' : 'lead'; };
  name.addEventListener('focus', prefill);
  prefill();
  wrap.append(h('span', { class: 'agencies-label' }, t('agencies')), chips,
    h('span', { class: 'agency-add' }, name, role,
      h('button', { type: 'button', class: 'btn btn-small', onclick: add }, t('agency.add'))));
  paint();
  return wrap;
}

/**
 * The targets the server read in a node's text: metric, this year's value (editable where it is written in
 * digits), last year's target, the summary's achieved figure, and the server's verdict and warnings.
 */
export function targetTable(rows, withAchieved, onValue) {
  const table = h('table', { class: 'targets' },
    h('thead', {}, h('tr', {},
      h('th', {}, t('t.metric')), h('th', {}, t('t.value')), h('th', {}, t('t.last')),
      withAchieved ? h('th', {}, t('t.achieved')) : null, h('th', {}, ''))));
  const body = h('tbody');
  for (const r of rows) {
    const tgt = r.target || {};
    let value;
    if (r.number !== null && r.number !== undefined) {
      const input = h('input', { type: 'text', class: 'tvalue', value: r.number, inputmode: 'decimal', size: '7',
        'aria-label': `${tgt.metric} ${t('t.value')}` });
      const commit = () => { if (input.value.trim() !== String(r.number)) onValue(r, input.value.trim()); };
      input.addEventListener('change', commit);
      input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); input.blur(); } });
      value = h('span', { class: 'tvalue-wrap' }, opSign(tgt.op), input, h('span', { class: 'tunit' }, r.unit || ''));
    } else {
      value = h('span', { class: 'num' }, tgt.display || '');
    }
    const warns = (r.findings || []).map((f) => h('div', { class: `twarn sev-${f.severity}` },
      h('span', { class: 'code' }, f.rule), ' ', f.message, f.suggestion ? h('span', { class: 'tsugg' }, `（${f.suggestion}）`) : null));
    if (!warns.length && r.above_achieved === false) {
      warns.push(h('div', { class: 'twarn sev-warning' }, t('t.not_above')));
    }
    const state = h('td', { class: 'tstate' },
      r.last ? h('span', { class: `change ch-${r.change}` }, r.change_name || '') : h('span', { class: 'change ch-added' }, r.change_name || t('t.new')),
      warns);
    body.append(h('tr', { class: warns.length ? 'warn' : '' },
      h('td', { class: 'metric' }, tgt.metric || ''),
      h('td', { class: 'value' }, value),
      h('td', { class: 'num' }, r.last ? r.last.display : '—'),
      withAchieved ? h('td', { class: 'num' }, r.achieved ? r.achieved.display : '—') : null,
      state));
  }
  table.append(body);
  return table;
}

function opSign(op) {
  const s = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '~': '≈' }[op] || '';
  return s ? h('span', { class: 'op' }, s) : null;
}

/** A review note (`# 请核对：…` in the outline) with a button that marks it done (removes the comment). */
export function noteBox(text, onDone) {
  if (!text) return null;
  return h('div', { class: 'note', role: 'note' },
    h('span', { class: 'note-icon', 'aria-hidden': 'true' }, '!'),
    h('span', { class: 'note-text' }, text),
    h('button', { type: 'button', class: 'btn btn-small', onclick: onDone }, t('note.ok')));
}
