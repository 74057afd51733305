"""What-if simulation of a mix policy over the life of a complex: plain Python, no Django.

Applicants of each target group arrive as a Poisson process, residents stay for an
exponentially distributed time, and every round allocates the vacancies among those waiting
with the real allocation engine (`magicmix.allocation`), under the complex's mix policy.
A run depends on its seed only, so Monte Carlo runs can go to any number of workers.
"""

from .erlang import erlang_b
from .run import Flow, Run, Setup, monte_carlo, simulate

__all__ = ["Flow", "Run", "Setup", "erlang_b", "monte_carlo", "simulate"]
