#!/usr/bin/env python3
"""Writes synthetic news-like English text for benchmarks (not committed output).

usage: make_news.py MEGABYTES > news.txt

Sentences are built from templates and small word lists written for this
script, with a fixed seed, so every run writes the same text.
"""
import random
import sys

PEOPLE = ["Anna Weber", "President Tomas Ruiz", "Foreign Minister Li Wen", "Sergei Ivanov",
          "Prime Minister Maria Costa", "General Park Min-ho", "Ahmed Hassan", "Senator John Miller",
          "Chancellor Eva Lind", "Ambassador Kofi Mensah"]
STATES = ["Russia", "China", "the United States", "North Korea", "South Korea", "Germany",
          "Iran", "Brazil", "India", "Japan", "Turkey", "Ukraine", "France", "Egypt"]
ORGS = ["the United Nations", "NATO", "the European Union", "the World Bank",
        "the Foreign Ministry", "the Defence Ministry", "the central bank", "Reuters",
        "the African Union", "the IMF"]
CITIES = ["Moscow", "Beijing", "Washington", "Seoul", "Pyongyang", "Berlin", "Tehran",
          "Brasilia", "New Delhi", "Tokyo", "Ankara", "Kyiv", "Paris", "Cairo"]
VERBS_PAST = ["met", "criticised", "accused", "praised", "warned", "thanked", "visited",
              "condemned", "supported", "called"]
TOPICS = ["trade", "the border dispute", "sanctions", "energy supplies", "the ceasefire",
          "nuclear talks", "military exercises", "humanitarian aid", "the election", "tariffs"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
        "last week", "earlier this month", "on Sunday"]

TEMPLATES = [
    "{p} {v} {s} {d} over {t}, officials said.",
    "{s} and {s2} signed an agreement on {t} in {c} {d}.",
    "\"We will not accept threats,\" {p} told reporters in {c}.",
    "{o} said it was concerned about {t} after talks between {s} and {s2} failed.",
    "The talks, which were held in {c}, did not produce an agreement on {t}.",
    "{p} was received by {p2} in {c}, where they discussed {t}.",
    "According to {o}, {s} has increased its spending on {t} by {n} percent since {y}.",
    "{s} didn't respond to a request for comment, and {o} declined to say whether {t} would resume.",
    "Protesters gathered outside the embassy of {s} in {c} {d}, demanding an end to {t}.",
    "{p} said {s} would continue to work with {o} to resolve {t}.",
    "It's the first visit by a leader of {s} to {c} in {n} years.",
    "{o} has warned that {t} could cost {s} about ${n} billion.",
]


def main():
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    rnd = random.Random(20240117)
    target = int(mb * 1024 * 1024)
    out = sys.stdout
    written = 0
    while written < target:
        para = []
        for _ in range(rnd.randint(3, 6)):
            t = rnd.choice(TEMPLATES)
            s = t.format(p=rnd.choice(PEOPLE), p2=rnd.choice(PEOPLE), v=rnd.choice(VERBS_PAST),
                         s=rnd.choice(STATES), s2=rnd.choice(STATES), o=rnd.choice(ORGS),
                         c=rnd.choice(CITIES), t=rnd.choice(TOPICS), d=rnd.choice(DAYS),
                         n=rnd.randint(2, 90), y=rnd.randint(1990, 2023))
            para.append(s[0].upper() + s[1:])
        text = " ".join(para) + "\n\n"
        out.write(text)
        written += len(text.encode())


if __name__ == "__main__":
    main()
