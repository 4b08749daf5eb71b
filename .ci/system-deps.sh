#!/usr/bin/env bash
# System packages the rendering tests need: LibreOffice (headless), poppler (pdftotext/pdftoppm), CJK fonts;
# the browser tests of `drafter serve` need Debian's chromium and its matching chromedriver (driven by Selenium).
# Idempotent: does nothing when they are present. Needs root (as on CI); otherwise says what to install.
set -euo pipefail
pkgs="libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-liberation2 chromium chromium-driver"
missing=""
command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-writer-nogui"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
# (capture first: with pipefail, `fc-list | grep -q` fails when grep closes the pipe early)
fonts_now="$(fc-list 2>/dev/null || true)"
grep -q "Noto Serif CJK" <<<"$fonts_now" || missing="$missing fonts-noto-cjk"
grep -qi "Liberation Serif" <<<"$fonts_now" || missing="$missing fonts-liberation2"
[ -x /usr/bin/chromium ] || missing="$missing chromium"
[ -x /usr/bin/chromedriver ] || missing="$missing chromium-driver"
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "note: rendering tests need:$missing (apt-get install as root); they are skipped until then" >&2
  fi
fi
# Fandol fonts (仿宋/楷/黑/宋 with GB2312 coverage) come inside texlive-lang-chinese; take only the Regular files.
fontdir=/usr/local/share/fonts/drafter-fandol
if [ ! -f "$fontdir/FandolFang-Regular.otf" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  tmp=$(mktemp -d)
  if (cd "$tmp" && apt-get download -qq texlive-lang-chinese >/dev/null 2>&1); then
    dpkg-deb -x "$tmp"/texlive-lang-chinese_*.deb "$tmp/x"
    mkdir -p "$fontdir"
    find "$tmp/x" -name 'Fandol*-Regular.otf' -exec cp {} "$fontdir/" \;
    fc-cache -f >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
fi
# fontconfig aliases: 仿宋_GB2312 → FandolFang, 楷体_GB2312 → FandolKai, 黑体 → FandolHei, 宋体 → FandolSong,
# 方正小标宋简体 → Noto Serif CJK SC Bold (gbt9704.md §8.6). Idempotent: copied only when it differs.
conf_src="$(dirname "$0")/fonts-gbt9704.conf"
conf_dst=/etc/fonts/conf.d/09-drafter-gbt9704.conf
if [ -f "$conf_src" ] && ! cmp -s "$conf_src" "$conf_dst" 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && [ -d /etc/fonts/conf.d ]; then
    cp "$conf_src" "$conf_dst"
    fc-cache -f >/dev/null 2>&1 || true
  else
    echo "note: for faithful PDF rendering copy $conf_src to $conf_dst (as root)" >&2
  fi
fi
