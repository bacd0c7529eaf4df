#!/usr/bin/env python3
"""Validate people.tsv and roles.tsv (stdlib only).

Usage: python3 check_roles.py [DATA_DIR] [--strict]

Checks
  * both files: header columns, column counts, no tabs/blank fields where a
    value is required;
  * people.tsv: ids unique and slug-shaped, gender m/f, country alpha-3;
  * roles.tsv: person ids exist, role_kind/sector known, country alpha-3 or
    org given, dates valid (YYYY, YYYY-MM or YYYY-MM-DD), start <= end,
    no duplicate rows;
  * continuity: for every office of kind head_of_state, head_of_government,
    foreign_minister, defence_minister (and secretary_general), sorted by
    start, successive holders must not overlap by more than 1 day and must
    not leave a gap longer than 120 days (KNOWN_GAPS lists genuine vacancies;
    those print as notes, not warnings);
  * coverage: every state in REQUIRED has a holder of each of its offices on
    each date in COVERAGE_DATES.

Imprecise dates are handled conservatively: an overlap or gap is reported
only when it is certain whatever the missing month/day is; a holder covers a
coverage date if the date falls within the widest reading of the term.

Exit status: 1 on format errors (or on warnings with --strict), else 0.
"""
import calendar
import datetime as dt
import os
import re
import sys

PEOPLE_COLS = ['id', 'canonical', 'aliases', 'gender', 'country', 'notes']
ROLE_COLS = ['person_id', 'role', 'role_kind', 'sector', 'country', 'org',
             'start', 'end', 'source']
ROLE_KINDS = {'head_of_state', 'head_of_government', 'foreign_minister',
              'defence_minister', 'deputy_foreign_minister', 'minister',
              'secretary_general', 'spokesperson', 'ambassador', 'official'}
SECTORS = {'GOV', 'MIL', 'LEG', 'JUD', 'SPY', 'PTY', 'ELI', 'OPP', 'COP', 'BUS'}
ORGS = {'un', 'eu', 'nato', 'iaea', 'asean', 'au', 'opec', 'wto', 'imf', 'wb', 'who'}  # ids as in organizations.tsv
CONTINUITY_KINDS = ('head_of_state', 'head_of_government', 'foreign_minister',
                    'defence_minister', 'secretary_general')
MAX_GAP_DAYS = 120
MAX_OVERLAP_DAYS = 1

# Offices that run as two parallel series under one role_kind: rows whose
# role matches the regex form their own series.
PARALLEL = [
    # North Korea: the nominal head of state (Presidium of the SPA) beside the
    # top post (NDC / State Affairs Commission).
    ('PRK', 'head_of_state', r'Presidium|Standing Committee of the Supreme', 'SPA'),
]

# Genuine vacancies longer than MAX_GAP_DAYS: (jurisdiction, role_kind,
# year-month in which the gap starts) -> reason. Printed as notes.
KNOWN_GAPS = {
    ('PRK', 'foreign_minister', '2007-01'):
        'Paek Nam Sun died 2007-01-02; Pak Ui Chun named in May 2007',
}

# Stand-ins whose term legitimately overlaps a substantive holder's (acting
# while the holder was suspended by impeachment or otherwise incapacitated):
# (jurisdiction, role_kind, person_id) -> reason. Overlaps involving them
# print as notes.
ALLOWED_OVERLAPS = {
    ('KOR', 'head_of_state', 'goh-kun'): 'acting while Roh Moo-hyun was suspended (2004)',
    ('KOR', 'head_of_state', 'hwang-kyo-ahn'): 'acting while Park Geun-hye was suspended (2016-2017)',
    ('KOR', 'head_of_state', 'han-duck-soo'): 'acting while Yoon Suk Yeol was suspended (2024-2025)',
    ('KOR', 'head_of_state', 'choi-sang-mok'): 'acting while Yoon Suk Yeol was suspended (2024-2025)',
    ('KOR', 'head_of_government', 'choi-sang-mok'): 'acting while Han Duck-soo was suspended (2024-2025)',
    ('ISR', 'head_of_government', 'olmert-ehud'): 'acting while Ariel Sharon was incapacitated (2006)',
    ('BRA', 'head_of_state', 'temer-michel'): 'acting while Dilma Rousseff was suspended (2016)',
}

# Jurisdictions whose offices are listed completely (since 2000 at least):
# gaps are checked only for these (overlaps are checked everywhere). Other
# jurisdictions may list only some holders of an office.
COMPLETE_EXTRA = {'nato', 'iaea'}

COVERAGE_DATES = ['2000-01-01', '2010-06-30', '2020-06-30', '2024-06-30']
ALL4 = ('head_of_state', 'head_of_government', 'foreign_minister', 'defence_minister')
NO_HG = ('head_of_state', 'foreign_minister', 'defence_minister')
# jurisdiction -> {role_kind: (first, last) date between which the office must be filled}
def _req(kinds, since=None, until=None):
    return {k: ((since or {}).get(k, '1900-01-01'), (until or {}).get(k, '9999-12-31'))
            for k in kinds}
REQUIRED = {
    'ARG': _req(NO_HG), 'AUS': _req(ALL4), 'BRA': _req(NO_HG), 'CAN': _req(ALL4),
    'CHN': _req(ALL4), 'FRA': _req(ALL4), 'DEU': _req(ALL4), 'IND': _req(ALL4),
    'IDN': _req(NO_HG), 'ITA': _req(ALL4), 'JPN': _req(ALL4), 'MEX': _req(NO_HG),
    'RUS': _req(ALL4), 'SAU': _req(ALL4), 'ZAF': _req(NO_HG), 'KOR': _req(ALL4),
    # Turkey: prime minister's office abolished 2018-07-09 (executive presidency).
    'TUR': _req(ALL4, until={'head_of_government': '2018-07-09'}), 'GBR': _req(ALL4), 'USA': _req(NO_HG), 'PRK': _req(ALL4),
    'UKR': _req(ALL4),
    # EU: permanent President of the European Council only since 2009-12-01;
    # no defence office.
    'eu': _req(('head_of_state', 'head_of_government', 'foreign_minister'),
               {'head_of_state': '2009-12-01'}),
    'un': _req(('secretary_general',)),
}

DATE_RE = re.compile(r'^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$')
SLUG_RE = re.compile(r'^[a-z0-9]+(?:-[a-z0-9]+)*$')
A3_RE = re.compile(r'^[A-Z]{3}$')

errors = []
warnings = []
notes = []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


def parse_date(s):
    """Return (lowest, highest) date for a possibly partial date, or None."""
    m = DATE_RE.match(s)
    if not m:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            d = dt.date(y, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            mo = int(m.group(2))
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:
        return None


def read_tsv(path, cols):
    rows = []
    header = None
    with open(path, encoding='utf-8') as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip('\n').rstrip('\r')
            if not line.strip() or line.startswith('#'):
                continue
            fields = line.split('\t')
            if header is None:
                header = fields
                if header != cols:
                    err(f'{os.path.basename(path)}:{n}: header {header} != {cols}')
                continue
            if len(fields) != len(cols):
                err(f'{os.path.basename(path)}:{n}: {len(fields)} columns, want {len(cols)}')
                continue
            if any(f != f.strip() for f in fields):
                warn(f'{os.path.basename(path)}:{n}: leading/trailing space in a field')
            rows.append((n, dict(zip(cols, fields))))
    if header is None:
        err(f'{path}: no header')
    return rows


def main(argv):
    strict = '--strict' in argv
    args = [a for a in argv if not a.startswith('--')]
    base = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    people = read_tsv(os.path.join(base, 'people.tsv'), PEOPLE_COLS)
    roles = read_tsv(os.path.join(base, 'roles.tsv'), ROLE_COLS)

    ids = {}
    alias_owner = {}
    for n, p in people:
        where = f'people.tsv:{n}'
        pid = p['id']
        if not SLUG_RE.match(pid):
            err(f'{where}: id {pid!r} is not an ASCII slug')
        if pid in ids:
            err(f'{where}: duplicate id {pid} (first at line {ids[pid]})')
        ids[pid] = n
        if not p['canonical']:
            err(f'{where}: empty canonical')
        if p['gender'] not in ('m', 'f'):
            err(f'{where}: gender {p["gender"]!r}')
        if not A3_RE.match(p['country']):
            err(f'{where}: country {p["country"]!r} is not alpha-3')
        names = [p['canonical']] + ([a for a in p['aliases'].split('|')] if p['aliases'] else [])
        if any(not a.strip() for a in names):
            err(f'{where}: empty alias')
        seen = set()
        for a in names:
            k = a.casefold()
            if k in seen:
                warn(f'{where}: alias {a!r} repeated')
            seen.add(k)
            if k in alias_owner and alias_owner[k] != pid:
                warn(f'{where}: name {a!r} also used by {alias_owner[k]}')
            alias_owner.setdefault(k, pid)

    parsed = []
    seen_rows = set()
    for n, r in roles:
        where = f'roles.tsv:{n}'
        if r['person_id'] not in ids:
            err(f'{where}: unknown person_id {r["person_id"]!r}')
        if not r['role']:
            err(f'{where}: empty role')
        if r['role_kind'] not in ROLE_KINDS:
            err(f'{where}: role_kind {r["role_kind"]!r}')
        if r['sector'] not in SECTORS:
            err(f'{where}: sector {r["sector"]!r}')
        if r['country'] and not A3_RE.match(r['country']):
            err(f'{where}: country {r["country"]!r} is not alpha-3')
        if not r['country'] and not r['org']:
            err(f'{where}: neither country nor org')
        if r['org'] and r['org'] not in ORGS:
            warn(f'{where}: unfamiliar org {r["org"]!r}')
        if not r['source']:
            err(f'{where}: empty source')
        start = parse_date(r['start'])
        if start is None:
            err(f'{where}: bad start {r["start"]!r}')
            continue
        end = None
        if r['end']:
            end = parse_date(r['end'])
            if end is None:
                err(f'{where}: bad end {r["end"]!r}')
                continue
            if end[1] < start[0]:
                err(f'{where}: end {r["end"]} before start {r["start"]}')
        elif 'current as of' not in r['source'] and r['role_kind'] in CONTINUITY_KINDS:
            warn(f'{where}: open-ended {r["role_kind"]} without "current as of" in source')
        key = tuple(r[c] for c in ROLE_COLS[:8])
        if key in seen_rows:
            warn(f'{where}: duplicate row')
        seen_rows.add(key)
        parsed.append((n, r, start, end))

    # continuity
    offices = {}
    for n, r, start, end in parsed:
        if r['role_kind'] not in CONTINUITY_KINDS:
            continue
        jur = r['country'] or r['org']
        series = ''
        for pj, pk, rx, name in PARALLEL:
            if pj == jur and pk == r['role_kind'] and re.search(rx, r['role']):
                series = name
        offices.setdefault((jur, r['role_kind'], series), []).append((start, end, n, r))
    far = dt.date(9999, 12, 31)
    for (jur, kind, series), terms in sorted(offices.items()):
        terms.sort(key=lambda t: (t[0][0], t[1][0] if t[1] else far))
        label = f'{jur} {kind}' + (f' [{series}]' if series else '')
        prev = None  # (end_lo, end_hi, row) of the term that ends last so far
        for start, end, n, r in terms:
            if prev is not None:
                p_lo, p_hi, pn, pr = prev
                overlap = (p_lo - start[1]).days
                if overlap > MAX_OVERLAP_DAYS:
                    ao = (ALLOWED_OVERLAPS.get((jur, kind, r['person_id']))
                          or ALLOWED_OVERLAPS.get((jur, kind, pr['person_id'])))
                    msg = (f'{label}: {r["person_id"]} (roles.tsv:{n}, from {r["start"]}) overlaps '
                           f'{pr["person_id"]} (roles.tsv:{pn}, to {pr["end"] or "open"}) by '
                           f'{overlap if p_lo != far else "open-ended"} days')
                    if ao:
                        notes.append(msg + f' -- allowed: {ao}')
                    else:
                        warn(msg)
                gap = (start[0] - p_hi).days
                complete = jur in REQUIRED or jur in COMPLETE_EXTRA
                if complete and p_hi != far and gap > MAX_GAP_DAYS:
                    kg = KNOWN_GAPS.get((jur, kind, pr['end'][:7]))
                    msg = (f'{label}: gap of {gap} days between {pr["person_id"]} (to {pr["end"]}) '
                           f'and {r["person_id"]} (from {r["start"]})')
                    if kg:
                        notes.append(msg + f' -- known: {kg}')
                    else:
                        warn(msg)
            e_lo, e_hi = end if end else (far, far)
            if prev is None or e_hi >= prev[1]:
                prev = (e_lo, e_hi, n, r)

    # coverage
    for jur, kinds in sorted(REQUIRED.items()):
        for kind, (since, until) in kinds.items():
            for d in COVERAGE_DATES:
                if d < since or d > until:
                    continue
                day = dt.date.fromisoformat(d)
                ok = any(start[0] <= day <= (end[1] if end else far)
                         for (j, k, _s), terms in offices.items() if j == jur and k == kind
                         for start, end, _n, _r in terms)
                if not ok:
                    warn(f'coverage: no {kind} of {jur} on {d}')

    for m in errors:
        print('ERROR', m)
    for m in warnings:
        print('WARN ', m)
    for m in notes:
        print('NOTE ', m)
    print(f'{len(people)} people, {len(roles)} roles, {len(offices)} offices checked; '
          f'{len(errors)} errors, {len(warnings)} warnings, {len(notes)} notes')
    return 1 if errors or (strict and warnings) else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
