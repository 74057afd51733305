"""Sent after an application manager entered or corrected a value, with the `Recheck` that
records the checks run again because of it. Receivers live in the apps that store outcomes
(legal imports none of them)."""

from django.dispatch import Signal

value_entered = Signal()  # keyword argument: recheck
