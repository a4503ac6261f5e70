#!/usr/bin/env sh
# Print the path of a Python >= 3.12 interpreter (mkdocs-jupyter 0.27 needs it), or explain and fail.
for candidate in "${PYTHON:-}" python3.12 python3.13 python3 \
    "$HOME"/.pyenv/versions/3.12*/bin/python3 "$HOME"/.pyenv/versions/3.13*/bin/python3 \
    /usr/local/bin/python3.13 /usr/local/bin/python3.12 /usr/bin/python3.13 /usr/bin/python3.12; do
    [ -n "$candidate" ] || continue
    if "$candidate" -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then
        command -v "$candidate" 2>/dev/null || echo "$candidate"
        exit 0
    fi
done
echo "find_python.sh: no Python >= 3.12 with venv found (tried python3.13, python3.12, python3, ~/.pyenv/versions/3.1[23]*)." >&2
echo "Install Python 3.12 or newer, or run: make PYTHON=/path/to/python3.12 ..." >&2
exit 1
