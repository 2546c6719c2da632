#!/usr/bin/env bash
# Install the Debian packages the app needs (and, with --test, those the tests
# need) when they are missing. Safe to run again: it installs nothing twice.
set -euo pipefail

packages=(tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng fonts-ocr-a fonts-dejavu-core)
if [[ "${1:-}" == "--test" ]]; then
    packages+=(chromium fonts-liberation poppler-utils)
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
        missing+=("$package")
    fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Memasang paket sistem: ${missing[*]}"
sudo_cmd=()
[[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
