"""The signal a target group sends when its code changes.

Rows of higher apps name a group by its code (a mix policy's bounds); they may not be imported
here (decision 10), so their app listens and updates them in the transaction of the rename.
Receivers get `group` (the saved group) and `old_code`.
"""

from django.dispatch import Signal

group_code_changed = Signal()
