"""Results as JSON (for machines) and as a Markdown or HTML report (for letting officers)."""

from __future__ import annotations

import dataclasses
import html
import json
from enum import Enum
from typing import Any

from .result import Comparison, Explanation, PriceOfMix, Reason, Result

RESULT_FORMAT = "magicmix-result"


def _plain(value: Any) -> Any:
    if isinstance(value, Reason):
        return {"code": value.code, "params": dict(value.params), "nl": value.nl, "en": value.en}
    if isinstance(value, Explanation):
        return {
            **{f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)},
            "nl": value.text("nl"),
            "en": value.text("en"),
        }
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {(k.value if isinstance(k, Enum) else k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def to_json(
    result: Result, price: PriceOfMix | None = None, comparison: Comparison | None = None
) -> str:
    data = {"format": RESULT_FORMAT, "version": 1, "result": _plain(result)}
    if price is not None:
        data["price_of_mix"] = _plain(price)
    if comparison is not None:
        data["comparison"] = _plain(comparison)
    return json.dumps(data, indent=2, ensure_ascii=False)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return lines


def _limit(value: int | None) -> str:
    return "" if value is None else str(value)


def to_markdown(
    result: Result,
    price: PriceOfMix | None = None,
    comparison: Comparison | None = None,
    lang: str = "nl",
) -> str:
    m = result.metrics
    lines = [f"# Toewijzing {result.round_id} ({result.mode.value})", ""]
    lines.append(
        f"Gevuld: {m.filled} van {m.vacancies} vrije woningen; gemiddelde keuze {m.mean_rank:.2f}; score {m.score:.1f}."
    )
    if result.certificate is not None:
        c = result.certificate
        lines.append(f"Optimaliteit: doel {c.objective:.1f}, grens {c.bound:.1f}, gat {c.gap:.2e}.")
    for d in result.designations:
        kind = "hard" if d.hard else "zacht"
        lines.append(
            f"Bestemde woningen ({d.dimension} {d.value}, {kind}): {d.vacancies} vrij, "
            f"{d.filled} verhuurd, waarvan {d.filled_by_them} aan hun groep."
        )
    if result.missing_keys:
        lines.append(
            "Zonder rangordesleutel: "
            + ", ".join(f"{key} {n}" for key, n in sorted(result.missing_keys.items()))
            + " (geplaatst volgens de regel van de ronde; standaard achteraan)."
        )
    if result.time_limit_reached:
        lines.append(
            f"Tijdslimiet van {result.time_limit:g} s bereikt: dit is de beste toewijzing die binnen de tijd is gevonden."
        )
    if result.max_fill is not None:
        lines.append(
            f"Prijs van strikte prioriteit: {result.max_fill - m.filled} woningen minder gevuld dan het maximum ({result.max_fill})."
        )
    if result.conflict is not None:
        lines.append(getattr(result.conflict.reason, lang))
    lines += ["", "## Beleid", ""]
    lines += _table(
        [
            "grens",
            "waar",
            "wat",
            "hard",
            "plaatsen",
            "voor",
            "na",
            "min",
            "max",
            "tekort",
            "teveel",
            "toelichting",
        ],
        [
            [
                b.bound_id,
                b.scope_name,
                f"{b.dimension} {b.value}",
                "ja" if b.hard else "nee",
                str(b.places),
                str(b.before),
                str(b.after),
                _limit(b.effective_min),
                _limit(b.effective_max),
                str(b.shortfall),
                str(b.excess),
                " ".join(getattr(n, lang) for n in b.notes),
            ]
            for b in result.policy
        ],
    )
    if price is not None:
        lines += ["", "## Prijs van de mix", ""]
        lines.append(
            f"Gevuld met/zonder mixgrenzen: {price.filled_with}/{price.filled_without}; score {price.score_with:.1f}/{price.score_without:.1f}."
        )
        lines.append(f"Verdrongen door het beleid: {', '.join(price.displaced) or 'niemand'}.")
    if comparison is not None:
        lines += ["", "## Vergelijking van de modi", ""]
        lines += _table(
            ["modus", "gevuld", "gem. keuze", "score", "verdrongen per groep"],
            [
                [
                    mode.value,
                    str(x.filled),
                    f"{x.mean_rank:.2f}",
                    f"{x.score:.1f}",
                    ", ".join(f"{g}: {n}" for g, n in x.displaced_by_group.items()),
                ]
                for mode, x in comparison.metrics.items()
            ],
        )
        lines.append(f"\nMaximale vulling onder de harde grenzen: {comparison.max_fill}.")
    lines += ["", "## Toewijzingen", ""]
    lines += _table(
        ["woning", "woningzoekende", "complex", "keuze"],
        [[a.unit_id, a.applicant_id, a.complex_id, str(a.rank)] for a in result.assignments],
    )
    lines += ["", "## Uitleg per woningzoekende", ""]
    lines += _table(
        ["woningzoekende", "uitleg"], [[e.applicant_id, e.text(lang)] for e in result.explanations]
    )
    return "\n".join(lines) + "\n"


def to_html(
    result: Result,
    price: PriceOfMix | None = None,
    comparison: Comparison | None = None,
    lang: str = "nl",
) -> str:
    """The Markdown report's tables and paragraphs as a self-contained HTML page."""
    body: list[str] = []
    in_table = False
    for line in to_markdown(result, price, comparison, lang).splitlines():
        if line.startswith("|"):
            if line.startswith("|---"):
                continue
            cells = [
                html.escape(c.strip().replace("\\|", "|")) for c in line.strip("|").split(" | ")
            ]
            tag = "th" if not in_table else "td"
            if not in_table:
                body.append("<table>")
                in_table = True
            body.append("<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>")
            continue
        if in_table:
            body.append("</table>")
            in_table = False
        if line.startswith("## "):
            body.append(f"<h2>{html.escape(line[3:])}</h2>")
        elif line.startswith("# "):
            body.append(f"<h1>{html.escape(line[2:])}</h1>")
        elif line.strip():
            body.append(f"<p>{html.escape(line)}</p>")
    if in_table:
        body.append("</table>")
    style = "body{font-family:sans-serif;max-width:70rem;margin:auto}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2rem .4rem;text-align:left}"
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(result.round_id)}</title><style>{style}</style></head><body>\n'
        + "\n".join(body)
        + "\n</body></html>\n"
    )
