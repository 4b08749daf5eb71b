// The workbench: three pages (起草 / 检查 / 对比) behind tabs, Chinese by default with an English switch.
// Every page is a thin shell over drafter's own functions on this machine's server; no rule lives here.

import { $, $$, stickyHeight } from './dom.js';
import { apply, initialLang, lang, onLang, setLang } from './i18n.js';
import { initDraft } from './draft.js';
import { initCheck } from './check.js';
import { initCompare } from './compare.js';

const PAGES = ['draft', 'check', 'compare'];

function show(page) {
  const name = PAGES.includes(page) ? page : 'draft';
  for (const p of $$('.page')) p.hidden = p.dataset.page !== name;
  for (const tab of $$('.tab')) {
    const on = tab.dataset.page === name;
    tab.classList.toggle('active', on);
    if (on) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  document.body.dataset.page = name;
}

function route() {
  show(location.hash.replace(/^#/, ''));
}

function start() {
  setLang(initialLang());
  stickyHeight($('.top'), '--top-h');
  initDraft($('#page-draft'));
  initCheck($('#page-check'));
  initCompare($('#page-compare'));
  apply(document);
  $('#lang-switch').addEventListener('click', () => setLang(lang() === 'en' ? 'zh' : 'en'));
  onLang(() => apply(document));
  window.addEventListener('hashchange', route);
  route();
  document.body.classList.add('ready');
}

start();
