// Pieces every page uses: file pickers, the progress bar of long work, the error box, downloads.

import { h, clear, saveBlob } from './dom.js';
import { t } from './i18n.js';
import { post, filenameOf, ApiError } from './api.js';

/**
 * A file field: a labelled picker with the chosen file's name, that also takes a file dropped on it.
 * `name` is the form field the server expects; returns {el, input, file(), reset()}.
 */
export function filePicker({ name, label, accept, optional = false, id }) {
  const input = h('input', { type: 'file', name, accept, id: id || `f-${name}-${Math.random().toString(36).slice(2, 7)}`, class: 'file-input' });
  const shown = h('span', { class: 'file-name', 'data-t': 'file.none' }, t('file.none'));
  const labelEl = h('span', { class: 'file-label' }, h('span', { 'data-t': label }, t(label)),
    optional ? h('span', { class: 'optional', 'data-t': 'file.optional' }, t('file.optional')) : null);
  const button = h('label', { class: 'btn btn-file', for: input.id }, h('span', { 'data-t': 'file.choose' }, t('file.choose')));
  const el = h('div', { class: 'picker' + (optional ? ' is-optional' : '') }, labelEl,
    h('div', { class: 'picker-row' }, button, shown), input);
  const refresh = () => {
    const f = input.files && input.files[0];
    el.classList.toggle('has-file', !!f);
    if (f) {
      shown.removeAttribute('data-t');
      shown.textContent = f.name;
    } else {
      shown.setAttribute('data-t', 'file.none');
      shown.textContent = t('file.none');
    }
  };
  input.addEventListener('change', refresh);
  el.addEventListener('dragover', (e) => { e.preventDefault(); el.classList.add('drag'); });
  el.addEventListener('dragleave', () => el.classList.remove('drag'));
  el.addEventListener('drop', (e) => {
    e.preventDefault();
    el.classList.remove('drag');
    if (e.dataTransfer && e.dataTransfer.files.length) {
      input.files = e.dataTransfer.files;
      refresh();
    }
  });
  return {
    el, input,
    file: () => (input.files && input.files[0]) || null,
    reset: () => { input.value = ''; refresh(); },
  };
}

/** The progress bar and stage of long work, shown in `host` while `fn(progress)` runs. */
export async function busy(host, fn) {
  const bar = h('div', { class: 'bar-fill' });
  const stage = h('span', { class: 'busy-stage' }, t('busy.running'));
  const secs = h('span', { class: 'busy-secs' });
  const box = h('div', { class: 'busy', role: 'status', 'aria-live': 'polite' },
    h('div', { class: 'bar' }, bar), h('div', { class: 'busy-text' }, stage, secs));
  clear(host).append(box);
  host.hidden = false;
  const progress = (st, fraction, elapsed) => {
    const key = `busy.${st}`;
    const word = t(key);
    stage.textContent = word === key ? t('busy.running') : word;
    // CSSOM, not a style attribute: allowed under the page's Content-Security-Policy
    bar.style.width = `${Math.max(3, Math.round((fraction || 0) * 100))}%`;
    if (elapsed !== undefined && elapsed >= 1) secs.textContent = t('busy.seconds', { s: Math.round(elapsed) });
  };
  try {
    return await fn(progress);
  } finally {
    clear(host);
    host.hidden = true;
  }
}

/** drafter's message in the page (never a stack trace); the page stays as it was. */
export function showError(host, err) {
  const msg = err instanceof ApiError || (err && err.message) ? err.message : String(err);
  const close = h('button', { type: 'button', class: 'btn btn-small', 'data-t': 'err.dismiss' }, t('err.dismiss'));
  const box = h('div', { class: 'error', role: 'alert' },
    h('div', { class: 'error-title', 'data-t': 'err.title' }, t('err.title')),
    h('div', { class: 'error-msg' }, msg), close);
  close.addEventListener('click', () => { box.remove(); host.hidden = !host.childElementCount; });
  clear(host).append(box);
  host.hidden = false;
  box.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  if (window.console) console.warn('drafter:', msg);
}

export function clearError(host) {
  clear(host);
  host.hidden = true;
}

/**
 * One page's long requests: `run(fn)` shows the progress bar in `busyHost` while `fn(progress)` works, and an
 * error in `errorHost`; it resolves to fn's result, or to undefined when fn failed or a later run has started
 * since (another file, the other language), so an old answer never replaces a newer one.
 */
export function runner(busyHost, errorHost, onError) {
  let runs = 0;
  return async (fn) => {
    clearError(errorHost);
    const mine = ++runs;
    try {
      const out = await busy(busyHost, fn);
      return mine === runs ? out : undefined;
    } catch (err) {
      if (mine === runs) {
        showError(errorHost, err);
        if (onError) onError(err);
      }
      return undefined;
    }
  };
}

/** After a failed run: the result still shown in `host` is the earlier file's (`name`); say so above it. */
export function markStale(host, name) {
  if (!host || host.hidden || !name || host.querySelector('.stale-note')) return;
  host.classList.add('is-stale');
  host.prepend(h('div', { class: 'stale-note', role: 'note' }, t('stale.note', { f: name })));
}

/** A new result in `host`: no longer stale. */
export function unmarkStale(host) {
  host.classList.remove('is-stale');
  for (const n of host.querySelectorAll('.stale-note')) n.remove();
}

/** POST and save the attachment the server answers with. */
export async function download(url, body, fallbackName, opts) {
  const resp = await post(url, body, opts);
  const blob = await resp.blob();
  const name = filenameOf(resp, fallbackName);
  saveBlob(blob, name);
  return name;
}

/** Save text made in the page (a report the page already has) as a file. */
export function saveText(text, name, type = 'application/json') {
  saveBlob(new Blob([text], { type: `${type};charset=utf-8` }), name);
}
