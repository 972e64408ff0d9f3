from __future__ import annotations

import pytest

from annotator.errors import InputError
from annotator.formats.txt import read_txt
from tests.conftest import SEED


def test_txt_seed_article_keeps_text_and_takes_title():
    (record,) = read_txt(SEED)
    assert record.document.text == SEED.read_text(encoding="utf-8")
    assert record.document.meta["title"].startswith("توقف المعارك في أحياء مدينة حلب")
    assert record.document.id == "aleppo-2020-02-02"


def test_txt_folder_reads_every_file_in_order(tmp_path):
    (tmp_path / "b.txt").write_text("عنوان ب\nنص", encoding="utf-8")
    (tmp_path / "a.txt").write_text("عنوان أ\r\nنص", encoding="utf-8")
    records = list(read_txt(tmp_path))
    assert [r.document.id for r in records] == ["a", "b"]
    assert records[0].document.text == "عنوان أ\nنص"


def test_txt_empty_file_is_an_error(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("  \n", encoding="utf-8")
    with pytest.raises(InputError, match="empty file") as caught:
        list(read_txt(path))
    assert str(path) in str(caught.value)
