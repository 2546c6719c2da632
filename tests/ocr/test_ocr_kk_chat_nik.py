"""Member NIKs read from a KK photo that a chat app shrank and recompressed."""

from __future__ import annotations

from ocr.pipeline import read_document
from tests.ocr import synth

# A chat capture whose table digits are five or six pixels high; templates
# alone read three of its six member NIKs wrong (5 for 6, 8 for 4, 58 for 64).
CHAT_KK_SEED = 7002


def test_every_member_nik_is_read_from_a_chat_photo_of_a_kk() -> None:
    sample = synth.generate("kk", "chat", CHAT_KK_SEED)

    result = read_document(sample.to_bytes())

    assert [m["nik"] for m in result.members] == [
        m["nik"] for m in sample.truth["members"]]
