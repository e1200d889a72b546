"""What `--jobs` and `--timeout` may ask for, decided in one place for every command that takes
them (`byline add`, `byline analyze`)."""

from __future__ import annotations

from .errors import BylineError

#: The longest a web page may be waited for, in seconds.
MAX_TIMEOUT = 600


def work_limits(jobs: int, timeout: float | None) -> tuple[int, float]:
    """(processes, seconds to wait for a web page) as asked for: `jobs` 0 is one process per core,
    no `timeout` the fetcher's default. BylineError, with what is allowed, when they cannot be."""
    from .sources.fetch import TIMEOUT

    if jobs < 0:
        raise BylineError("--jobs takes a number of processes, 1 or more (0: one per core)")
    if timeout is not None and not 0 < timeout <= MAX_TIMEOUT:
        raise BylineError(f"--timeout takes the seconds to wait for a web page, more than 0 and at most {MAX_TIMEOUT}")
    return jobs, timeout or TIMEOUT
