"""The parser's bounds (issue #11): what it refuses, it refuses at once and says why."""
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from parsers import TooLarge, parse_text
from parsers.record import MAX_TEXT_CHARS

SEED = Path(__file__).parent / "files" / "corpus" / "seeds" / "001_9fd537a099a1bb2d.txt"


def test_text_beyond_the_limit_is_refused_with_a_plain_error():
    with pytest.raises(TooLarge, match="limit is 2,000,000") as caught:
        parse_text("规" * (MAX_TEXT_CHARS + 1))
    assert str(pickle.loads(pickle.dumps(caught.value))) == str(caught.value)


def test_text_at_the_limit_is_read():
    report = SEED.read_text(encoding="utf-8")
    padded = report + "\n" + "附" * (MAX_TEXT_CHARS - len(report) - 1)
    assert parse_text(padded)["year"] == 2023


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_command_line_refuses_devices_and_fifos_and_goes_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = subprocess.run([sys.executable, "-m", "parsers", "/dev/zero", str(fifo), str(empty), str(tmp_path),
                          str(SEED)], capture_output=True, text=True, timeout=120)
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert out.returncode == 1
    assert [line.get("error", "").split(":")[0] for line in lines[:4]] == ["NotAFile"] * 4
    assert "not a regular file" in lines[0]["error"] and "not a regular file" in lines[1]["error"]
    assert "empty" in lines[2]["error"]
    assert lines[4]["year"] == 2023  # the next file is still read


def test_command_line_refuses_a_file_above_its_limit(tmp_path):
    from parsers.__main__ import MAX_FILE_BYTES, NotAFile, read_bounded
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(NotAFile, match="above the"):
        read_bounded(big)
