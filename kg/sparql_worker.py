"""The process that runs one `kg query` (started by kg.sparql.stream_query; not a command for users).

It cuts itself off the network first where the system allows it (a new network namespace on Linux: a
second wall behind the parsed-query check, so a SERVICE that slipped past a parser still reaches
nothing), caps its memory, then reads one job (JSON) from stdin, opens the store, and writes the answer
in frames to stdout as the rows come. It exits as soon as its parent closes stdin (Ctrl-C, --timeout,
the parent killed), so no query outlives the command.
"""
from __future__ import annotations

import json
import os
import sys
import threading


def isolate_network() -> bool:
    """Move this process into a new, empty network namespace (only loopback, down). True if done.
    Must run while the process has one thread."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    clone_newnet, clone_newuser = 0x40000000, 0x10000000
    if libc.unshare(clone_newnet) == 0:                 # root, or CAP_SYS_ADMIN
        return True
    uid, gid = os.getuid(), os.getgid()
    if libc.unshare(clone_newuser | clone_newnet) != 0:  # unprivileged user namespaces disabled
        return False
    for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1")):
        try:
            with open(f"/proc/self/{name}", "w") as fh:
                fh.write(text)
        except OSError:
            pass
    return True


def limit_memory(mb: int) -> None:
    if mb <= 0:
        return
    try:
        import resource
        limit = mb * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
    except (ImportError, ValueError, OSError):
        pass


def _exit_when_parent_goes() -> None:
    """Block on stdin; the parent closes it when it stops waiting for us."""
    try:
        while sys.stdin.buffer.read(4096):
            pass
    except (OSError, ValueError):
        pass
    os._exit(3)


def main() -> int:
    isolate_network()
    line = sys.stdin.buffer.readline()
    job = json.loads(line)
    limit_memory(int(job.get("max_memory_mb", 0)))
    threading.Thread(target=_exit_when_parent_goes, daemon=True).start()
    from .sparql import FRAME_DATA, FRAME_DONE, FRAME_ERROR, PREFIXES, _frame, _one_line, load_store
    from .sparql_format import stream_result
    out = sys.stdout.buffer
    pending: list[bytes] = []
    size = 0

    def send(kind: bytes, payload: bytes) -> None:
        out.write(_frame(kind, payload))
        out.flush()

    try:
        import pyoxigraph as ox
        if job.get("database"):
            store = ox.Store.read_only(job["database"])
        else:
            store = load_store(job["rdf"])
        prefixes = job.get("prefixes") or PREFIXES
        res = store.query(job["query"], prefixes=prefixes)
        for chunk in stream_result(res, job.get("format", "table"), int(job.get("width", 0)), prefixes):
            data = chunk.encode("utf-8", "replace")
            pending.append(data)
            size += len(data)
            if size >= 1 << 15:
                send(FRAME_DATA, b"".join(pending))
                pending, size = [], 0
        if pending:
            send(FRAME_DATA, b"".join(pending))
        send(FRAME_DONE, b"")
    except BrokenPipeError:
        return 3
    except MemoryError:
        send(FRAME_ERROR, f"stopped: out of memory (limit {job.get('max_memory_mb')} MB, --max-memory)".encode())
    except SyntaxError as exc:
        send(FRAME_ERROR, f"SPARQL syntax error: {_one_line(exc)}".encode())
    except Exception as exc:          # OSError from the store, QueryError from loading, …: one line
        send(FRAME_ERROR, f"query failed: {_one_line(exc)}".encode())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
