"""Write the JSON Schema of the benchmark document (docs/benchmark/benchmark-1.0.schema.json)."""

import json
from typing import Any

from django.core.management.base import BaseCommand

from magicmix.monitoring.benchmark.document import json_schema


class Command(BaseCommand):
    help = "Print the JSON Schema of the benchmark document."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False))
