"""Results as JSON (for machines) and as a Markdown or HTML report (for letting officers)."""

from __future__ import annotations

import dataclasses
import html
import json
from enum import Enum
from typing import Any, TextIO

from .messages import LABELS
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


def write_json(
    result: Result,
    handle: TextIO,
    price: PriceOfMix | None = None,
    comparison: Comparison | None = None,
) -> None:
    """The document `to_json` makes, written as it goes: one assignment or explanation at a
    time, so a city round's result never exists twice in memory (as objects and as text)."""
    handle.write(f'{{"format": "{RESULT_FORMAT}", "version": 1, "result": {{')
    for k, f in enumerate(dataclasses.fields(result)):
        value = getattr(result, f.name)
        handle.write(("," if k else "") + f"\n{json.dumps(f.name)}: ")
        if f.name in ("assignments", "explanations"):
            handle.write("[")
            for i, item in enumerate(value):
                handle.write((",\n" if i else "\n") + json.dumps(_plain(item), ensure_ascii=False))
            handle.write("]")
        else:
            handle.write(json.dumps(_plain(value), ensure_ascii=False))
    handle.write("}")
    if price is not None:
        handle.write(',\n"price_of_mix": ' + json.dumps(_plain(price), ensure_ascii=False))
    if comparison is not None:
        handle.write(',\n"comparison": ' + json.dumps(_plain(comparison), ensure_ascii=False))
    handle.write("}\n")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return lines


def _limit(value: int | None) -> str:
    return "" if value is None else str(value)


TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Toewijzing {round} ({mode})",
        "filled": "Gevuld: {filled} van {vacancies} vrije woningen; gemiddelde keuze {rank:.2f}; score {score:.1f}.",
        "certificate": "Optimaliteit: doel {objective:.1f}, grens {bound:.1f}, gat {gap:.2e}.",
        "designation": "Bestemde woningen ({what}, {kind}): {vacancies} vrij, {filled} verhuurd, waarvan {mine} aan hun groep.",
        "hard": "hard",
        "soft": "zacht",
        "missing": "Zonder rangordesleutel: {keys} (geplaatst volgens de regel van de ronde; standaard achteraan).",
        "time_limit": "Tijdslimiet van {seconds:g} s bereikt: dit is de beste toewijzing die binnen de tijd is gevonden.",
        "max_fill": "Prijs van strikte prioriteit: {n} woningen minder gevuld dan het maximum ({max_fill}).",
        "policy": "Beleid",
        "policy_columns": "grens|waar|wat|hard|plaatsen|voor|na|min|max|tekort|teveel|toelichting",
        "yes": "ja",
        "no": "nee",
        "price": "Prijs van de mix",
        "price_filled": "Gevuld met/zonder mixgrenzen: {with_}/{without}; score {score_with:.1f}/{score_without:.1f}.",
        "displaced": "Verdrongen door het beleid: {who}.",
        "nobody": "niemand",
        "comparison": "Vergelijking van de modi",
        "comparison_columns": "modus|gevuld|gem. keuze|score|verdrongen per groep",
        "comparison_max": "Maximale vulling onder de harde grenzen: {n}.",
        "assignments": "Toewijzingen",
        "assignment_columns": "woning|woningzoekende|complex|keuze",
        "explanations": "Uitleg per woningzoekende",
        "explanation_columns": "woningzoekende|uitleg",
        "summary_people": "{placed} van {applicants} woningzoekenden geplaatst.",
        "summary_hint": "Schrijf het volledige resultaat met --out result.json en een verslag met --report verslag.md.",
    },
    "en": {
        "title": "Allocation {round} ({mode})",
        "filled": "Filled: {filled} of {vacancies} vacancies; mean choice {rank:.2f}; score {score:.1f}.",
        "certificate": "Optimality: objective {objective:.1f}, bound {bound:.1f}, gap {gap:.2e}.",
        "designation": "Designated units ({what}, {kind}): {vacancies} vacant, {filled} let, {mine} of them to their group.",
        "hard": "hard",
        "soft": "soft",
        "missing": "Without a ranking key: {keys} (placed by the round's rule; by default last).",
        "time_limit": "Time limit of {seconds:g} s reached: this is the best allocation found in time.",
        "max_fill": "Price of strict priority: {n} fewer vacancies filled than the maximum ({max_fill}).",
        "policy": "Policy",
        "policy_columns": "bound|where|what|hard|places|before|after|min|max|short|over|notes",
        "yes": "yes",
        "no": "no",
        "price": "Price of the mix",
        "price_filled": "Filled with/without mix bounds: {with_}/{without}; score {score_with:.1f}/{score_without:.1f}.",
        "displaced": "Displaced by the policy: {who}.",
        "nobody": "nobody",
        "comparison": "Modes compared",
        "comparison_columns": "mode|filled|mean choice|score|displaced per group",
        "comparison_max": "Most vacancies filled under the hard bounds: {n}.",
        "assignments": "Assignments",
        "assignment_columns": "unit|applicant|complex|choice",
        "explanations": "Explanation per applicant",
        "explanation_columns": "applicant|explanation",
        "summary_people": "{placed} of {applicants} applicants placed.",
        "summary_hint": "Write the full result with --out result.json and a report with --report report.md.",
    },
}


def _what(dimension: str, value: str, lang: str) -> str:
    labels = LABELS[lang]
    return f"{labels.get(dimension, dimension)} {labels.get(value, value)}"


def _figures(result: Result, lang: str) -> list[str]:
    t = TEXT[lang]
    m = result.metrics
    lines = [
        t["filled"].format(filled=m.filled, vacancies=m.vacancies, rank=m.mean_rank, score=m.score)
    ]
    if result.certificate is not None:
        c = result.certificate
        lines.append(t["certificate"].format(objective=c.objective, bound=c.bound, gap=c.gap))
    for d in result.designations:
        lines.append(
            t["designation"].format(
                what=_what(d.dimension, d.value, lang),
                kind=t["hard"] if d.hard else t["soft"],
                vacancies=d.vacancies,
                filled=d.filled,
                mine=d.filled_by_them,
            )
        )
    if result.missing_keys:
        keys = ", ".join(f"{key} {n}" for key, n in sorted(result.missing_keys.items()))
        lines.append(t["missing"].format(keys=keys))
    if result.time_limit_reached and result.time_limit is not None:
        lines.append(t["time_limit"].format(seconds=result.time_limit))
    if result.max_fill is not None:
        lines.append(t["max_fill"].format(n=result.max_fill - m.filled, max_fill=result.max_fill))
    if result.conflict is not None:
        lines.append(getattr(result.conflict.reason, lang))
    return lines


def summary(result: Result, lang: str = "nl") -> str:
    """A few lines for a terminal: the figures, how many were placed, where to get the rest."""
    t = TEXT[lang]
    lines = [
        t["title"].format(round=result.round_id, mode=result.mode.value),
        *_figures(result, lang),
        t["summary_people"].format(
            placed=len(result.assignments), applicants=len(result.explanations)
        ),
        t["summary_hint"],
    ]
    return "\n".join(lines) + "\n"


def to_markdown(
    result: Result,
    price: PriceOfMix | None = None,
    comparison: Comparison | None = None,
    lang: str = "nl",
) -> str:
    t = TEXT[lang]
    lines = [f"# {t['title'].format(round=result.round_id, mode=result.mode.value)}", ""]
    lines += _figures(result, lang)
    lines += ["", f"## {t['policy']}", ""]
    lines += _table(
        t["policy_columns"].split("|"),
        [
            [
                b.bound_id,
                b.scope_name,
                _what(b.dimension, b.value, lang),
                t["yes"] if b.hard else t["no"],
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
        lines += ["", f"## {t['price']}", ""]
        lines.append(
            t["price_filled"].format(
                with_=price.filled_with,
                without=price.filled_without,
                score_with=price.score_with,
                score_without=price.score_without,
            )
        )
        lines.append(t["displaced"].format(who=", ".join(price.displaced) or t["nobody"]))
    if comparison is not None:
        lines += ["", f"## {t['comparison']}", ""]
        lines += _table(
            t["comparison_columns"].split("|"),
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
        lines.append("\n" + t["comparison_max"].format(n=comparison.max_fill))
    lines += ["", f"## {t['assignments']}", ""]
    lines += _table(
        t["assignment_columns"].split("|"),
        [[a.unit_id, a.applicant_id, a.complex_id, str(a.rank)] for a in result.assignments],
    )
    lines += ["", f"## {t['explanations']}", ""]
    lines += _table(
        t["explanation_columns"].split("|"),
        [[e.applicant_id, e.text(lang)] for e in result.explanations],
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
