// Building the page without innerHTML: every piece of document text goes in as a text node.

/**
 * h('div', {class: 'x', onclick: fn, dataset: {id: 1}}, 'text', child, [more]) → an element.
 * Strings become text nodes (escaped by construction); `text` sets textContent.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value' || k === 'checked' || k === 'disabled' || k === 'selected' || k === 'hidden') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of [children].flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

/** Offer `blob` as a download named `name` (the browser's own save, nothing leaves the machine). */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, class: 'hidden-link' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

/** A textarea that grows with its text (CSS field-sizing where the browser has it, else by its rows). */
export function autoGrow(ta) {
  if (CSS.supports && CSS.supports('field-sizing', 'content')) return ta;
  const fit = () => {
    ta.style.height = 'auto';
    ta.style.height = ta.scrollHeight + 2 + 'px';
  };
  ta.addEventListener('input', fit);
  requestAnimationFrame(fit);
  return ta;
}

/** `fn` called once, `ms` (a number, or a function giving it) after the last call. */
export function debounce(fn, ms) {
  let timer = null;
  const d = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => { timer = null; fn(...args); }, typeof ms === 'function' ? ms() : ms);
  };
  d.flush = (...args) => { clearTimeout(timer); timer = null; fn(...args); };
  d.waiting = () => timer !== null;
  return d;
}

/**
 * Keep the CSS variable `name` (on <html>) at `el`'s height while `el` is sticky and shown (0 otherwise), so
 * what sticks below it (the 起草 toolbar under the header, the preview under the toolbar) and the browser's
 * scroll padding follow its real height: a wrapped header, a toolbar of two or three rows in a narrow window.
 * CSSOM, not a style attribute: allowed by the page's Content-Security-Policy.
 */
export function stickyHeight(el, name) {
  const root = document.documentElement;
  const set = () => {
    const sticky = el.isConnected && getComputedStyle(el).position === 'sticky';
    root.style.setProperty(name, `${sticky ? Math.ceil(el.getBoundingClientRect().height) : 0}px`);
  };
  const ro = new ResizeObserver(set);
  ro.observe(el);
  set();
  return () => { ro.disconnect(); root.style.setProperty(name, '0px'); };
}
