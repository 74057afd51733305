"""Dutch motivation letters for the demo intake: an opening, one to three things the applicant
will do for the neighbours, and a closing, drawn from sets of templates and filled in with
Faker nl_NL places and names. Some letters are short and vague on purpose: scorers need those
to tell a good letter from a weak one."""

from __future__ import annotations

import random

from faker import Faker

OPENINGS = [
    "Ik ben {first_name}, {age} jaar, en ik woon nu nog bij mijn ouders in {city}.",
    "Mijn naam is {first_name}. Ik ben {age} en zoek al twee jaar een eigen plek.",
    "Hoi! Ik ben {first_name} ({age}). Sinds kort werk ik in Utrecht en ik reis nu elke dag "
    "vanuit {city}.",
    "Ik heet {first_name} en ik ben {age} jaar. Ik heb over De Havenwerf gehoord van mijn "
    "vriend {friend}, die er al een jaar woont.",
    "Graag stel ik mij voor: {first_name}, {age} jaar, opgegroeid in {city}.",
]
# What people will contribute: (a short label for interview summaries, the letter's sentence).
CONTRIBUTIONS = [
    (
        "koken met de gang",
        "Ik kook graag voor veel mensen. Ik wil elke week een gangmaaltijd organiseren, waar "
        "iedereen iets meeneemt uit de eigen keuken.",
    ),
    (
        "taalmaatje",
        "Ik wil taalmaatje zijn voor een nieuwe buur die Nederlands leert. Samen boodschappen doen "
        "of een brief van de gemeente lezen helpt meer dan een les.",
    ),
    (
        "klussen",
        "Ik ben handig: een lamp ophangen, een fiets repareren, een kast in elkaar zetten. Ik wil "
        "een klusuurtje op zaterdag beginnen.",
    ),
    (
        "sport organiseren",
        "Ik voetbal al jaren en wil op het veldje naast het complex een wekelijkse partij "
        "organiseren, voor iedereen die mee wil doen.",
    ),
    (
        "huiswerkbegeleiding",
        "Ik studeer {study} en help graag buren met hun opleiding of een sollicitatiebrief.",
    ),
    (
        "moestuin",
        "Bij mijn ouders had ik een moestuin. Ik zou graag met buren bakken op het dakterras of "
        "achter het gebouw beginnen.",
    ),
    (
        "welkom heten",
        "Ik weet hoe het is om ergens nieuw te zijn. Ik wil nieuwe bewoners welkom heten en ze de "
        "buurt laten zien.",
    ),
    (
        "muziek en films",
        "Ik speel gitaar en wil in de gemeenschappelijke ruimte een filmavond of een open podium "
        "organiseren.",
    ),
    (
        "gangmaker",
        "Ik wil gangmaker worden: het aanspreekpunt als er iets speelt op de gang, en iemand die "
        "een ruzie over de afwas op tijd bespreekbaar maakt.",
    ),
]
CLOSINGS = [
    "Ik hoop dat ik mag komen kennismaken.",
    "Ik kijk uit naar een gesprek. Met vriendelijke groet, {first_name}.",
    "Ik vind het belangrijk dat je je buren kent, en daar wil ik aan bijdragen.",
    "Zestien uur per maand vind ik niet veel voor een plek waar je echt thuis bent.",
]
VAGUE = [
    "Ik zoek een kamer en wil wel iets doen voor de buren.",
    "Ik ben sociaal en behulpzaam. Ik doe graag mee met activiteiten.",
    "Ik heb dringend woonruimte nodig. Ik ben rustig en netjes.",
]
STUDIES = ["verpleegkunde", "bouwkunde", "rechten", "pedagogiek", "ICT", "sociaal werk"]


class LetterWriter:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.fake = Faker("nl_NL")
        self.fake.seed_instance(rng.randrange(2**32))

    def write(self, first_name: str, age: int) -> tuple[str, list[str]]:
        """A letter and the labels of what it promises (none for a vague letter)."""
        rng = self.rng
        fill = {
            "first_name": first_name,
            "age": age,
            "city": self.fake.city(),
            "friend": self.fake.first_name(),
            "study": rng.choice(STUDIES),
        }
        if rng.random() < 0.15:
            return rng.choice(VAGUE), []
        chosen = rng.sample(CONTRIBUTIONS, rng.choice([1, 2, 2, 3]))
        paragraphs = [rng.choice(OPENINGS)] + [sentence for _label, sentence in chosen]
        paragraphs.append(rng.choice(CLOSINGS))
        return "\n\n".join(p.format(**fill) for p in paragraphs), [label for label, _s in chosen]
