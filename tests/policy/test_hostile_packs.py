"""Packs are untrusted: links out of the folder, oversized folders, bad time zones, `extends:`."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from govern import PolicyError, load_pack
from govern.policy import files
from tests.conftest import DEFAULT_PACK, FIXTURES, write_pack

SECRET = "root:$6$saltsalt$Zm9vYmFyYmF6:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n"
PACK_FILE = "name: hostile\nversion: 1.0.0\nowner: o\ndescription: d\n"


def minimal(tmp_path: Path, name: str = "pack") -> Path:
    return Path(shutil.copytree(FIXTURES / "minimal", tmp_path / "packs" / name))


def problems(pack: Path, **kwargs: object) -> list[tuple[str, str]]:
    with pytest.raises(PolicyError) as caught:
        load_pack(pack, **kwargs)  # type: ignore[arg-type]
    return [(p.code, p.message) for p in caught.value.problems]


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "shadow"
    path.write_text(SECRET, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "link",
    [
        pytest.param("policy2.yaml", id="file-link"),
        pytest.param("pack.yaml", id="pack-file-link"),
        pytest.param("nested/deep.yml", id="nested-file-link"),
    ],
)
def test_a_link_out_of_the_pack_is_refused_and_never_read(tmp_path: Path, secret: Path, link: str) -> None:
    pack = minimal(tmp_path)
    target = pack / link
    target.parent.mkdir(exist_ok=True)
    target.unlink(missing_ok=True)
    target.symlink_to(secret)
    with pytest.raises(PolicyError) as caught:
        load_pack(pack)
    text = str(caught.value)
    assert [p.code for p in caught.value.problems] == ["G105"]
    assert "symbolic link leads outside the pack folder; it is not read" in text
    assert "root:" not in text and "daemon" not in text and "saltsalt" not in text


def test_a_linked_folder_out_of_the_pack_is_refused(tmp_path: Path, secret: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "passwd.yaml").symlink_to(secret)
    pack = minimal(tmp_path)
    (pack / "more").symlink_to(outside, target_is_directory=True)
    assert problems(pack) == [("G105", "symbolic link leads outside the pack folder; it is not read")]


def test_a_link_inside_the_pack_is_read(tmp_path: Path) -> None:
    pack = minimal(tmp_path)
    (pack / "policy.yaml").rename(pack / "real.txt.yaml.src")
    (pack / "policy.yaml").symlink_to(pack / "real.txt.yaml.src")
    assert load_pack(pack).name == "minimal"


def test_too_many_files_are_refused_before_reading(tmp_path: Path) -> None:
    pack = minimal(tmp_path)
    for i in range(files.MAX_FILES):
        (pack / f"extra-{i:03}.yaml").write_text(": not yaml [", encoding="utf-8")
    found = problems(pack)
    assert found == [
        ("G104", f"the pack has {files.MAX_FILES + 2} YAML files; the limit is {files.MAX_FILES}")
    ]


def test_too_many_bytes_are_refused_before_reading(tmp_path: Path) -> None:
    pack = minimal(tmp_path)
    for i in range(3):  # sparse files: large to stat, nothing written to disk
        with (pack / f"big-{i}.yaml").open("wb") as handle:
            handle.truncate(1_900_000 + i)
    [(code, message)] = problems(pack)
    assert (code, message) == ("G104", "the pack's YAML is 5.4 MiB; the limit is 5 MiB")


def test_a_folder_of_too_many_entries_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_ENTRIES", 50)
    pack = minimal(tmp_path)
    junk = pack / "junk"
    junk.mkdir()
    for i in range(60):
        (junk / f"{i}.txt").touch()
    assert problems(pack)[0][0] == "G104"


@pytest.mark.parametrize(
    ("zone", "shown"),
    [
        pytest.param("Europe", "Europe", id="a-folder-killed-the-watcher"),
        pytest.param("Europe/", "Europe/", id="trailing-slash"),
        pytest.param("../../../etc/passwd", "../../../etc/passwd", id="path-escape"),
        pytest.param("/etc/localtime", "/etc/localtime", id="absolute-path"),
        pytest.param("Mars/Olympus", "Mars/Olympus", id="unknown"),
        pytest.param("x" * 300, "x" * 64, id="long"),
    ],
)
def test_time_zones_must_be_iana_names(tmp_path: Path, zone: str, shown: str) -> None:
    pack = minimal(tmp_path)
    text = (pack / "pack.yaml").read_text(encoding="utf-8").replace("Europe/London", f'"{zone}"')
    (pack / "pack.yaml").write_text(text, encoding="utf-8")
    [(code, message)] = problems(pack)
    assert code == "G205"
    assert message.startswith(f"unknown time zone '{shown}'")
    assert message.endswith("use an IANA name such as 'Europe/London'")


def extending(tmp_path: Path, extends: str) -> Path:
    return write_pack(tmp_path / "packs" / "dept", {"pack.yaml": PACK_FILE + f"extends: {extends}\n"})


@pytest.mark.parametrize(
    "extends",
    [
        pytest.param("../../outside", id="relative-escape"),
        pytest.param("/etc", id="absolute"),
    ],
)
def test_extends_is_confined_to_the_packs_root(tmp_path: Path, extends: str) -> None:
    shutil.copytree(FIXTURES / "minimal", tmp_path / "outside")
    pack = extending(tmp_path, extends)
    [(code, message)] = problems(pack)
    assert code == "G112"
    assert message.startswith(f"'{extends}' is outside the packs root '{tmp_path / 'packs'}'")


def test_extends_inside_the_packs_root_loads(tmp_path: Path) -> None:
    minimal(tmp_path, "base")
    assert load_pack(extending(tmp_path, "../base")).name == "hostile"


def test_the_packs_root_can_be_configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(FIXTURES / "minimal", tmp_path / "outside")
    pack = extending(tmp_path, "../../outside")
    assert load_pack(pack, packs_root=tmp_path).name == "hostile"
    monkeypatch.setenv("GOVERN_PACKS_ROOT", str(tmp_path))
    assert load_pack(pack).name == "hostile"


def test_a_long_extends_chain_is_refused(tmp_path: Path) -> None:
    minimal(tmp_path, "p0")
    for i in range(1, 10):
        write_pack(tmp_path / "packs" / f"p{i}", {"pack.yaml": PACK_FILE + f"extends: ../p{i - 1}\n"})
    found = problems(tmp_path / "packs" / "p9")
    assert found == [("G112", "a pack may extend at most 7 others")]


def test_the_default_pack_is_within_every_limit() -> None:
    found, refused = files.list_files(DEFAULT_PACK)
    assert refused == [] and 0 < len(found) < files.MAX_FILES
    assert os.path.basename(found[0].path) == "access.yaml"
