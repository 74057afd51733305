"""The Erlang loss formula, the closed form the simulator is checked against."""


def erlang_b(servers: int, load: float) -> float:
    """The share of arrivals that find all `servers` busy, for an offered `load` in erlangs."""
    blocked = 1.0
    for k in range(1, servers + 1):
        blocked = load * blocked / (k + load * blocked)
    return blocked
