"""The ingredients of a complex's concept beside its outcomes.

A Magic Mix is made of choices — how large, how many dragers, speckled or clustered, how
residents are selected, what they promise to contribute, how social management and support
are organised, temporary or permanent. `derived.py` reads what magicmix already records
(size, share dragend, years in use, coöptatie, contract types); staff enter the rest on
`Ingredients` (with its history). `comparison.py` puts every visible complex's ingredients
beside its indicators, for a comparison that describes associations and never claims causes.
"""
