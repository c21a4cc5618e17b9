"""Opening an uploaded zip (a KMZ or a zipped shapefile) without trusting it.

The archive's directory is checked before anything is decompressed: how many members, how
many bytes they expand to (in all and relative to the archive), unsafe paths and
encryption. A member is then never read beyond the size the directory declares, and never
written anywhere under its own name.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePosixPath

from geo.ingest import InputError, limits
from geo.ingest.layer import mib
from geo.ingest.messages import Number
from geo.language import Message

_UNREADABLE_ZIP = Message("the file starts like a zip but is not a readable zip archive")


def open_zip(data: bytes) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    """The archive in ``data`` and its members worth reading (see :func:`safe_members`).

    Raises
    ------
    InputError
        If the zip is unreadable, too large, too many times its size, encrypted, or holds
        an unsafe path.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except Exception:  # noqa: BLE001 - zipfile parses untrusted bytes and fails in many ways
        raise InputError(_UNREADABLE_ZIP) from None
    return archive, safe_members(infos, len(data))


def safe_members(infos: list[zipfile.ZipInfo], archive_bytes: int) -> list[zipfile.ZipInfo]:
    """The archive's files worth reading, after refusing bombs and unsafe paths.

    Sizes come from the archive's directory and are checked before anything is
    decompressed; :func:`read_member` then never reads more than a member declares."""
    if len(infos) > limits.MAX_ZIP_MEMBERS:
        raise InputError(Message("the zip has {count} members, more than the {limit} allowed",
                                 {"count": Number(len(infos)),
                                  "limit": Number(limits.MAX_ZIP_MEMBERS, grouped=False)}))
    for info in infos:
        path = info.filename.replace("\\", "/")
        if (path.startswith("/") or re.match(r"[A-Za-z]:", path) or "\x00" in path
                or ".." in path.split("/")):
            raise InputError(Message("the zip holds a member with an unsafe path (absolute "
                                     "or with '..'), so it is refused"))
    expanded = sum(info.file_size for info in infos)
    if expanded > limits.MAX_UNCOMPRESSED_BYTES:
        raise InputError(Message("the zip expands to {size} bytes, more than the {limit} "
                                 "allowed", {"size": Number(expanded),
                                             "limit": mib(limits.MAX_UNCOMPRESSED_BYTES)}))
    if expanded > limits.MAX_COMPRESSION_RATIO * archive_bytes:
        raise InputError(Message("the zip expands {ratio} times its size, more than the "
                                 "{limit} allowed (a zip bomb?)",
                                 {"ratio": Number(expanded / archive_bytes),
                                  "limit": Number(limits.MAX_COMPRESSION_RATIO, grouped=False)}))
    if any(info.flag_bits & 0x1 for info in infos):
        raise InputError(Message("the zip is password-protected: upload an unencrypted zip"))
    # macOS adds __MACOSX/ and ._ resource forks, which look like .shp/.kml files but are not.
    return [info for info in infos if not info.is_dir()
            and not info.filename.startswith("__MACOSX/")
            and not PurePosixPath(info.filename).name.startswith("._")]


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes, refused unless they are exactly the size its directory entry says."""
    try:
        with archive.open(info) as member:
            content = member.read(info.file_size + 1)
    except Exception:  # noqa: BLE001 - bad CRC, damaged deflate stream, unknown method ...
        raise InputError(_UNREADABLE_ZIP) from None
    if len(content) != info.file_size:
        raise InputError(_UNREADABLE_ZIP)
    return content
