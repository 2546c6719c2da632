"""Command line: ``python -m ocr FILE [FILE ...]``, one JSON line per file."""

from __future__ import annotations

import argparse
import json
import sys

from ocr.errors import OcrError
from ocr.pipeline import read_document


def main(argv: list[str] | None = None) -> int:
    """Read each file and print its result; return 1 if any file failed."""
    parser = argparse.ArgumentParser(prog="python -m ocr", description=__doc__)
    parser.add_argument("files", nargs="+", metavar="FILE")
    args = parser.parse_args(argv)

    status = 0
    for name in args.files:
        try:
            result = read_document(name, filename=name)
            line = {"file": name, **result.to_dict()}
        except OcrError as e:
            line = {"file": name, "doc_type": "error", "message": e.message}
            status = 1
        print(json.dumps(line, ensure_ascii=False), flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
