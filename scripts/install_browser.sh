#!/usr/bin/env bash
# Install Debian's Chromium and its WebDriver for the browser tests (tests/web), when missing.
# Called by `make test`; never fails the build: without a browser those tests skip, saying why.
set -uo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_browser: no apt-get here; the browser tests will be skipped" >&2
    exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "install_browser: not root and no sudo; install chromium chromium-driver to run the browser tests" >&2
        exit 0
    fi
fi
echo "install_browser: installing chromium and chromium-driver with apt-get" >&2
if ! { $SUDO apt-get update -q && \
       $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver; } >/tmp/install_browser.log 2>&1; then
    echo "install_browser: apt-get failed (see /tmp/install_browser.log); the browser tests will be skipped" >&2
    tail -5 /tmp/install_browser.log >&2
fi
exit 0
