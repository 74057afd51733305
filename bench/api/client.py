"""The load generator of `load.py`, run as its own process: `connections` threads, each with one
keep-alive HTTP connection, GET one URL again and again for `seconds`, and print one JSON object
with every response's time and status, the transport errors and the elapsed time.

    .venv/bin/python bench/api/client.py URL TOKEN CONNECTIONS SECONDS
"""

from __future__ import annotations

import http.client
import json
import sys
import threading
import time
from collections import Counter
from urllib.parse import urlsplit


def main() -> None:
    url, token, connections, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    errors: Counter[str] = Counter()
    began = time.perf_counter()
    deadline = began + float(seconds)

    def worker() -> None:
        connection = http.client.HTTPConnection(parts.netloc, timeout=60)
        while time.perf_counter() < deadline:
            sent = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException) as error:
                errors[type(error).__name__] += 1
                connection.close()
                connection = http.client.HTTPConnection(parts.netloc, timeout=60)
                continue
            latencies.append((time.perf_counter() - sent) * 1000)
            statuses[response.status] += 1
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result = {
        "seconds": time.perf_counter() - began,
        "latencies_ms": latencies,
        "statuses": statuses,
        "errors": errors,
    }
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
