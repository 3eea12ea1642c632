"""Speakers as entities across articles: one row per real speaker, with aliases, roles and merges.

Within an article the registry (:mod:`quotes.speakers`) already maps 拉夫罗夫
to 谢尔盖·拉夫罗夫.  Across articles, :func:`link_speakers` merges speaker
rows conservatively, and records why in ``speaker_merge``:

* the same name in another script or spelling (拉夫羅夫 / 拉夫罗夫, 弗拉基米尔·普京 / 弗拉基米尔普京);
* a short name into the one full name it ends with, only when a role agrees
  (普京, 俄罗斯总统 → 弗拉基米尔·普京, 俄罗斯总统); two full names that the
  short one could be (乔·拜登, 亨特·拜登) are told apart by their roles, or not merged.

It is idempotent: running it again merges nothing new.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

import regex

from .publish import search
from .rules import table, words
from .script import simplified
from .speakers import NAME_DOTS, long_places

_DOTS = regex.compile(rf"[{NAME_DOTS}\s]")
_COUNTRY_ABBREVIATIONS = frozenset("俄美乌中英德法日韩台港")


def name_key(name: str) -> str:
    """A name without script, dot or space differences: 弗拉基米尔·普京 and 弗拉基米爾普京 share it."""
    return _DOTS.sub("", simplified(name))


@cache
def _synonyms() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((row["short"], row["long"]) for row in table("role_synonyms")), key=lambda p: -len(p[0])))


def role_key(role: str) -> tuple[str, str]:
    """(country or organisation, office) of a role, abbreviations spelled out: 俄外长 → (俄罗斯, 外交部长)."""
    role = simplified(role)
    for short, long in _synonyms():
        if role.endswith(short) and not role.endswith(long) and short not in _COUNTRY_ABBREVIATIONS:
            role = role[: len(role) - len(short)] + long
            break
    core = next((r for r in words("roles") if role.endswith(r)), "")
    prefix = role[: len(role) - len(core)]
    for short, long in _synonyms():
        if prefix == short or (prefix.startswith(short) and not prefix.startswith(long) and short in _COUNTRY_ABBREVIATIONS):
            prefix = long + prefix[len(short):]
            break
    return prefix, core


def roles_agree(a: set[str], b: set[str]) -> bool:
    """Whether some role of one speaker is the same office as some role of the other."""
    for ra in a:
        pa, ca = role_key(ra)
        for rb in b:
            pb, cb = role_key(rb)
            if ca and ca == cb and (not pa or not pb or pa == pb or pa.endswith(pb) or pb.endswith(pa)):
                return True
    return False


def _roles(conn: sqlite3.Connection) -> dict[int, set[str]]:
    out: dict[int, set[str]] = defaultdict(set)
    for speaker_id, role in conn.execute("select speaker_id, role from speaker_role"):
        out[speaker_id].add(role)
    return out


def _ends_with_role(name: str) -> bool:
    return simplified(name).endswith(words("roles"))


def record_roles(conn: sqlite3.Connection, article_id: int, published: str, roles: dict[int, set[str]]) -> None:
    """Roles an article gives its speakers (in its quotes or anywhere in its text), with the date."""
    conn.executemany("insert or ignore into speaker_role (speaker_id, role, article_id, published) values (?, ?, ?, ?)",
                     [(sid, role, article_id, published) for sid, rs in sorted(roles.items()) for role in sorted(rs) if role])


def record_aliases(conn: sqlite3.Connection, speakers: Iterable[tuple[int, str, str]]) -> None:
    """Every form an article uses for each speaker (id, name, as written): the name and the subjects that end with it."""
    aliases = set()
    for speaker_id, name, written in set(speakers):
        aliases.add((speaker_id, name))
        aliases.add((speaker_id, simplified(name)))
        if written and name_key(written).endswith(name_key(name)[-2:]) and len(written) <= 30:
            aliases.add((speaker_id, written))
            aliases.add((speaker_id, simplified(written)))
    conn.executemany("insert or ignore into alias (speaker_id, alias) values (?, ?)", sorted(aliases))


def _merge(conn: sqlite3.Connection, loser: int, winner: int, reason: str) -> None:
    if loser == winner:
        return
    name = conn.execute("select name from speaker where id = ?", (loser,)).fetchone()[0]
    moved = [qid for (qid,) in conn.execute("select id from quote where speaker_id = ?", (loser,))]
    conn.execute("update quote set speaker_id = ? where speaker_id = ?", (winner, loser))
    search.index_quotes(conn, moved)  # the index holds the speaker's name: now the winner's
    conn.execute("update or ignore alias set speaker_id = ? where speaker_id = ?", (winner, loser))
    conn.execute("delete from alias where speaker_id = ?", (loser,))
    conn.execute("insert or ignore into alias (speaker_id, alias) values (?, ?)", (winner, name))
    conn.execute("update or ignore speaker_role set speaker_id = ? where speaker_id = ?", (winner, loser))
    conn.execute("delete from speaker_role where speaker_id = ?", (loser,))
    conn.execute("update speaker_merge set speaker_id = ? where speaker_id = ?", (winner, loser))
    conn.execute("insert into speaker_merge (speaker_id, merged_name, reason) values (?, ?, ?)", (winner, name, reason))
    conn.execute("delete from speaker where id = ?", (loser,))


def _names_someone(name: str, kind: str) -> bool:
    """Whether a speaker's name picks out one speaker: not 发言人, 消息来源, 报道, 国防部 (anyone or anything that fits)."""
    key = name_key(name)
    if len(key) < 2 or kind in ("unknown", "document") or kind == "person" and _ends_with_role(name):
        return False
    return not (kind == "organisation" and len(key) <= 4 and key.endswith(words("office_suffixes"))
                and not key.startswith(long_places()))  # (美国国防部; not 法, France, in 法院)


def link_speakers(conn: sqlite3.Connection) -> int:
    """Merge speaker rows that are the same real speaker; return how many merges were made."""
    merges = 0
    speakers = list(conn.execute("select id, name, kind from speaker order by id"))
    by_key: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for sid, name, kind in speakers:
        if _names_someone(name, kind):
            by_key[name_key(name)].append((sid, name))
    for key, group in by_key.items():
        if len(group) > 1:
            winner = max(group, key=lambda s: (_DOTS.search(s[1].strip(NAME_DOTS)) is not None, -s[0]))
            for sid, name in group:
                if sid != winner[0]:
                    _merge(conn, sid, winner[0], f"same name as {winner[1]} (script or spelling variant)")
                    merges += 1
    roles = _roles(conn)
    # Only names are merged this way: a bare role (秘书长, 白宫官员) may be anyone who holds it.
    people = [(sid, name) for sid, name, kind in conn.execute("select id, name, kind from speaker where kind = 'person'")
              if not _ends_with_role(name)]
    merged: set[int] = set()
    by_tail: dict[str, list[tuple[int, str, str]]] = defaultdict(list)  # full names by their last two characters
    for fid, fname in people:
        fkey = name_key(fname)
        if len(fkey) >= 3:
            by_tail[fkey[-2:]].append((fid, fname, fkey))
    for sid, name in people:
        key = name_key(name)
        if _DOTS.search(name) or len(key) > 4 or len(key) < 2 or not roles.get(sid):
            continue
        candidates = [(fid, fname) for fid, fname, fkey in by_tail[key[-2:]]
                      if fid != sid and fid not in merged and fkey != key and fkey.endswith(key)]
        agreeing = [(fid, fname) for fid, fname in candidates if roles_agree(roles[sid], roles.get(fid, set()))]
        if len(agreeing) == 1:
            fid, fname = agreeing[0]
            shared = min(r for r in roles[sid] if roles_agree({r}, roles.get(fid, set())))  # min: sets have no stable order
            _merge(conn, sid, fid, f"short name of {fname}; both {shared}")
            merged.add(sid)
            merges += 1
            roles[fid] = roles.get(fid, set()) | roles.pop(sid)
    return merges
