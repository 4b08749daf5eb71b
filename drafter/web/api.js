// Talking to the drafter server on this machine: the /api/ endpoints, long work as a job with progress,
// every failure as an ApiError carrying drafter's own message (the same words the command line prints).

import { lang, t } from './i18n.js';

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

function withLang(url, extra) {
  const u = new URL(url, location.href);
  u.searchParams.set('lang', lang());
  for (const [k, v] of Object.entries(extra || {})) u.searchParams.set(k, v);
  return u.pathname + u.search;
}

async function send(url, init) {
  try {
    return await fetch(url, { credentials: 'same-origin', ...init });
  } catch (e) {
    throw new ApiError(t('err.network'), 0);
  }
}

async function errorText(resp) {
  try {
    const j = await resp.clone().json();
    if (j && j.error) return String(j.error);
  } catch (e) { /* not JSON */ }
  return `${resp.status} ${resp.statusText}`;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Follow a job (202 + {job}) until it ends; `progress(stage, fraction, seconds)` on every look. Each look
 * waits at the server for up to half a second (`?wait=0.5`): the end is heard at once, the bar moves twice
 * a second.
 */
async function follow(job, progress) {
  for (;;) {
    const t0 = performance.now();
    const r = await send(withLang(`/api/jobs/${encodeURIComponent(job.job)}`, { wait: '0.5' }));
    if (!r.ok) throw new ApiError(await errorText(r), r.status);
    const s = await r.json();
    if (progress) progress(s.stage, s.progress, s.elapsed);
    if (s.state === 'done' || s.state === 'error') {
      return send(withLang(s.result || `/api/jobs/${encodeURIComponent(job.job)}/result`));
    }
    const took = performance.now() - t0;
    if (took < 100) await sleep(100 - took);     // a server that answered at once: don't ask in a tight loop
  }
}

/**
 * POST to `url`; `body` is FormData (uploads) or a plain object (sent as JSON). Long work runs as a job
 * (`async=1`) so the page can show how far it is. Resolves to the Response; rejects with ApiError.
 */
export async function post(url, body, { progress, job = true } = {}) {
  const init = { method: 'POST' };
  if (body instanceof FormData) init.body = body;
  else {
    init.body = JSON.stringify(body);
    init.headers = { 'Content-Type': 'application/json' };
  }
  let resp = await send(withLang(url, job ? { async: '1' } : {}), init);
  if (resp.status === 202) {
    let info = null;
    try { info = await resp.json(); } catch (e) { /* not a job */ }
    if (info && info.job) resp = await follow(info, progress);
  }
  if (!resp.ok) throw new ApiError(await errorText(resp), resp.status);
  return resp;
}

export async function postJSON(url, body, opts) {
  const r = await post(url, body, opts);
  return r.json();
}

export async function getJSON(url) {
  const r = await send(withLang(url));
  if (!r.ok) throw new ApiError(await errorText(r), r.status);
  return r.json();
}

/** The file name the server gave an attachment (Content-Disposition, RFC 5987 form first). */
export function filenameOf(resp, fallback) {
  const cd = resp.headers.get('Content-Disposition') || '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) {
    try { return decodeURIComponent(star[1]); } catch (e) { /* fall through */ }
  }
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain ? plain[1] : fallback;
}
