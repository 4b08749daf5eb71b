#!/usr/bin/env bash
# System packages the rendering tests need: LibreOffice (headless), poppler (pdftotext/pdftoppm), CJK fonts.
# Idempotent: does nothing when they are present. Needs root (as on CI); otherwise says what to install.
set -euo pipefail
pkgs="libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-liberation2"
missing=""
command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-writer-nogui"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
fc-list 2>/dev/null | grep -q "Noto Serif CJK" || missing="$missing fonts-noto-cjk"
fc-list 2>/dev/null | grep -qi "Liberation Serif" || missing="$missing fonts-liberation2"
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
