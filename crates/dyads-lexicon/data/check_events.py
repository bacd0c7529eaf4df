#!/usr/bin/env python3
"""Validate dyads' CAMEO table (cameo.tsv) and event lexicon (events.tsv).

Usage: python3 check_events.py [--strict] [--plover PATH] [--codebook PATH]

Checks
  cameo.tsv   columns; code format and uniqueness; parents present; Goldstein range;
              quad class by root; all 20 roots; agreement with the CAMEO codebook's code
              list and with the CAMEO-to-PLOVER table when those files are available
              (disagreements are warnings).
  events.tsv  columns; unique ids of the form coder.<type>.<name> with <type> derived
              from the code; every code present in cameo.tsv; kind/modality/reciprocal
              values; pattern syntax (see the header of events.tsv); the head lemma
              occurs in the pattern; example markup (one {event} span, at most one
              [SRC ...] and one [TGT ...], slots consistent with the pattern, 8-25 words,
              the event span contains a form of the head lemma); all 20 roots covered.
  both        no run of 12 or more words shared with the source files (when present).

Exit status 1 when there are errors (or warnings with --strict). stdlib only.
"""
import os
import re
import sys
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, '..', '..', '..'))

CAMEO_COLS = ['code', 'name', 'goldstein', 'quad', 'plover_type', 'plover_mode',
              'plover_context', 'description']
EVENT_COLS = ['id', 'cameo', 'kind', 'lemma', 'pattern', 'modality', 'reciprocal',
              'example', 'notes']
KINDS = {'verb', 'noun', 'light', 'cue'}
MODALITIES = {'', 'claimed-inner', 'future-inner', 'negated'}
# fallback id segment for codes whose PLOVER type is empty up to the root
ROOT_FALLBACK = {'01': 'statement', '02': 'appeal'}
PREPOSITIONS = {'with', 'to', 'on', 'against', 'of', 'for', 'over', 'about', 'from', 'in',
                'into', 'at', 'between', 'by', 'toward', 'towards', 'upon', 'across', 'near',
                'along', 'around', 'as', 'through', 'under', 'within', 'among', 'off',
                'outside', 'inside', 'after', 'that'}
PARTICLES = {'up', 'down', 'off', 'out', 'back', 'away', 'over', 'in', 'on', 'through',
             'forward', 'ahead', 'around', 'apart', 'aside', 'together'}
WORD_RE = re.compile(r"^[a-z][a-z0-9-]*$")
SLOT_RE = re.compile(r"^(SRC|TGT)(?::([a-z][a-z0-9-]*(?:\|[a-z][a-z0-9-]*)*))?$")
ID_RE = re.compile(r"^coder\.([a-z_]+)\.([a-z0-9_]+)$")

IRREGULAR = {
    'be': ['is', 'are', 'was', 'were', 'been', 'being'],
    'begin': ['began', 'begun'], 'break': ['broke', 'broken'], 'bring': ['brought'],
    'build': ['built'], 'buy': ['bought'], 'cast': ['cast'], 'catch': ['caught'],
    'choose': ['chose', 'chosen'], 'come': ['came'], 'cut': ['cut'], 'deal': ['dealt'],
    'do': ['did', 'done'], 'draw': ['drew', 'drawn'], 'drive': ['drove', 'driven'],
    'fight': ['fought'], 'find': ['found'], 'fly': ['flew', 'flown'],
    'forbid': ['forbade', 'forbidden'], 'forgive': ['forgave', 'forgiven'],
    'freeze': ['froze', 'frozen'], 'give': ['gave', 'given'], 'go': ['went', 'gone'],
    'hold': ['held'], 'keep': ['kept'], 'lay': ['laid'], 'lead': ['led'],
    'leave': ['left'], 'lend': ['lent'], 'make': ['made'], 'mean': ['meant'],
    'meet': ['met'], 'overrun': ['overran'], 'pay': ['paid'], 'put': ['put'],
    'read': ['read'], 'rid': ['rid'], 'ring': ['rang', 'rung'], 'rise': ['rose', 'risen'],
    'run': ['ran'], 'say': ['said'], 'see': ['saw', 'seen'], 'seek': ['sought'],
    'sell': ['sold'], 'send': ['sent'], 'set': ['set'], 'shake': ['shook', 'shaken'],
    'shoot': ['shot'], 'shut': ['shut'], 'sit': ['sat'], 'slay': ['slew', 'slain'],
    'speak': ['spoke', 'spoken'], 'spend': ['spent'], 'stand': ['stood'],
    'steal': ['stole', 'stolen'], 'strike': ['struck', 'stricken'],
    'swear': ['swore', 'sworn'], 'take': ['took', 'taken'], 'teach': ['taught'],
    'tear': ['tore', 'torn'], 'tell': ['told'], 'think': ['thought'], 'throw': ['threw', 'thrown'],
    'undertake': ['undertook', 'undertaken'], 'upset': ['upset'], 'wage': ['waged'],
    'withdraw': ['withdrew', 'withdrawn'], 'withhold': ['withheld'], 'write': ['wrote', 'written'],
    'win': ['won'], 'beat': ['beat', 'beaten'], 'bear': ['bore', 'borne'],
    'forgo': ['forwent', 'forgone'], 'shed': ['shed'], 'spread': ['spread'],
    'broadcast': ['broadcast'], 'quit': ['quit'], 'hit': ['hit'], 'let': ['let'],
    'bid': ['bid'], 'feel': ['felt'], 'hear': ['heard'], 'lose': ['lost'],
    'understand': ['understood'], 'arise': ['arose', 'arisen'], 'blow': ['blew', 'blown'],
    'grow': ['grew', 'grown'], 'know': ['knew', 'known'], 'ride': ['rode', 'ridden'],
    'wake': ['woke', 'woken'], 'wear': ['wore', 'worn'], 'bind': ['bound'],
    'sink': ['sank', 'sunk'], 'overthrow': ['overthrew', 'overthrown'],
    'acquit': ['acquitted', 'acquitting'], 'equip': ['equipped', 'equipping'],
    'refer': ['referred', 'referring'], 'occur': ['occurred', 'occurring'],
    'deter': ['deterred', 'deterring'], 'rebel': ['rebelled', 'rebelling'],
    'patrol': ['patrolled', 'patrolling'], 'control': ['controlled', 'controlling'],
    'compel': ['compelled', 'compelling'], 'expel': ['expelled', 'expelling'],
    'propel': ['propelled', 'propelling'], 'repel': ['repelled', 'repelling'],
    'travel': ['traveled', 'travelled', 'traveling', 'travelling'],
    'cancel': ['canceled', 'cancelled', 'canceling', 'cancelling'],
    'label': ['labeled', 'labelled'], 'signal': ['signaled', 'signalled'],
    'fuel': ['fueled', 'fuelled'], 'level': ['leveled', 'levelled'],
}

errors = []
warnings = []
notes = []


def note(msg):
    notes.append(msg)


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


def read_tsv(path, cols):
    """Return (rows, header_comments). Rows are dicts with '_line'."""
    rows, comments = [], []
    header_seen = False
    with open(path, encoding='utf-8') as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip('\n')
            if raw.endswith('\r\n') or '\r' in line:
                err(f'{os.path.basename(path)}:{n}: carriage return')
            if line.startswith('#'):
                comments.append(line)
                continue
            if not line.strip():
                continue
            fields = line.split('\t')
            if not header_seen:
                header_seen = True
                if fields != cols:
                    err(f'{os.path.basename(path)}:{n}: header {fields} != {cols}')
                continue
            if len(fields) != len(cols):
                err(f'{os.path.basename(path)}:{n}: {len(fields)} fields, expected {len(cols)}')
                continue
            for f in fields:
                if f != f.strip():
                    err(f'{os.path.basename(path)}:{n}: field with surrounding spaces: {f!r}')
            row = dict(zip(cols, fields))
            row['_line'] = n
            rows.append(row)
    if not header_seen:
        err(f'{os.path.basename(path)}: no header line')
    return rows, comments


def quad_for_root(root):
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 14 else 4


def find_source(rel_parts, override=None):
    if override:
        return override if os.path.exists(override) else None
    for base in (os.path.join(REPO, '..', 'shared'), os.path.join(REPO, 'shared')):
        p = os.path.normpath(os.path.join(base, *rel_parts))
        if os.path.exists(p):
            return p
    return None


def parse_plover_table(path):
    codes, roots = {}, {}
    with open(path, encoding='utf-8', errors='replace') as fh:
        for line in fh:
            line = line.rstrip('\n')
            if not re.match(r'^\d', line):
                continue
            body = line.split('#')[0]
            if ':' not in body:
                continue
            code, rest = body.split(':', 1)
            code = code.strip()
            parts = [p.strip() for p in rest.split(',')]
            while len(parts) < 3:
                parts.append('')
            t, m, c = parts[0], parts[1], ','.join(parts[2:])
            if len(code) == 2:
                roots.setdefault(code, []).append(t)
            else:
                codes.setdefault(code, (t, m, c))
    return codes, roots


def norm_mode(s):
    return re.sub(r'\s+', ' ', s.strip())


def norm_context(s):
    return ';'.join(sorted(p.strip() for p in s.split(';') if p.strip()))


def parse_codebook_codes(path):
    with open(path, encoding='utf-8', errors='replace') as fh:
        text = fh.read()
    start = text.find('CAMEO EVENT CODES')
    if start < 0:
        return None
    end = text.find('\\include', start)
    chunk = text[start:end if end > 0 else len(text)]
    codes = set(re.findall(r'(?:^|\\indent\s*|\\textbf\{)(\d{2,4}):', chunk, re.M))
    return codes or None


# ---------------------------------------------------------------- cameo.tsv

def check_cameo(path, plover_path, codebook_path):
    rows, _ = read_tsv(path, CAMEO_COLS)
    table = OrderedDict()
    for r in rows:
        code, ln = r['code'], r['_line']
        where = f'cameo.tsv:{ln}'
        if not re.match(r'^\d{2,4}$', code):
            err(f'{where}: bad code {code!r}')
            continue
        if code in table:
            err(f'{where}: duplicate code {code}')
        table[code] = r
        if not (1 <= int(code[:2]) <= 20):
            err(f'{where}: root out of range: {code}')
        try:
            g = float(r['goldstein'])
            if not -10.0 <= g <= 10.0:
                err(f'{where}: goldstein out of range: {g}')
            if not re.match(r'^-?\d+\.\d$', r['goldstein']):
                err(f'{where}: goldstein not written with one decimal: {r["goldstein"]}')
        except ValueError:
            err(f'{where}: goldstein not a number: {r["goldstein"]!r}')
        if r['quad'] != str(quad_for_root(code[:2])):
            err(f'{where}: quad {r["quad"]} but root {code[:2]} gives {quad_for_root(code[:2])}')
        if not r['name'] or not r['description']:
            err(f'{where}: empty name or description')
        if r['plover_type'] and not re.match(r'^[A-Z]+$', r['plover_type']):
            err(f'{where}: bad PLOVER type {r["plover_type"]!r}')
    for code in table:
        if len(code) > 2 and code[:-1] not in table and code[:2] not in table:
            err(f'cameo.tsv: code {code} has no parent row')
        if len(code) == 4 and code[:3] not in table:
            err(f'cameo.tsv: code {code} has no 3-digit parent {code[:3]}')
    for root in range(1, 21):
        if f'{root:02d}' not in table:
            err(f'cameo.tsv: root {root:02d} missing')

    if codebook_path:
        cb = parse_codebook_codes(codebook_path)
        if cb:
            for c in sorted(cb - set(table)):
                warn(f'cameo.tsv: codebook code {c} has no row')
            for c in sorted(set(table) - cb):
                if len(c) > 2:
                    warn(f'cameo.tsv: code {c} is not in the codebook list')
    if plover_path:
        pcodes, proots = parse_plover_table(plover_path)
        for code, r in table.items():
            mine = (r['plover_type'], norm_mode(r['plover_mode']), norm_context(r['plover_context']))
            if len(code) == 2:
                heads = proots.get(code, [])
                if heads and r['plover_type'] not in heads:
                    warn(f'PLOVER: root {code}: type {r["plover_type"]!r}, table heading(s) {heads}')
                if not heads and r['plover_type']:
                    warn(f'PLOVER: root {code}: type {r["plover_type"]!r}, table has no heading')
                continue
            if code not in pcodes:
                if any(mine):
                    warn(f'PLOVER: {code}: not in the table but has {mine}')
                continue
            t, m, c = pcodes[code]
            theirs = (t, norm_mode(m), norm_context(c))
            for name, a, b in zip(('type', 'mode', 'context'), mine, theirs):
                if a != b:
                    warn(f'PLOVER: {code}: {name} {a!r} != table {b!r}')
        cb = parse_codebook_codes(codebook_path) if codebook_path else None
        for code in sorted(set(pcodes) - set(table)):
            if cb is not None and code not in cb:
                note(f'PLOVER: table code {code} is not in the CAMEO 1.1b3 codebook; no row (expected)')
            else:
                warn(f'PLOVER: table code {code} has no row in cameo.tsv')
    return table


def id_type_for(code, table):
    c = code
    while c:
        r = table.get(c)
        if r and r['plover_type']:
            return r['plover_type'].lower()
        c = c[:-1] if len(c) > 2 else ''
    return ROOT_FALLBACK.get(code[:2], 'unknown')


# ---------------------------------------------------------------- patterns

def tokenize_pattern(pattern):
    """Return list of (item, optional_group_index or None) or raise ValueError."""
    if pattern != pattern.strip() or '  ' in pattern:
        raise ValueError('irregular spacing')
    items, group, gi = [], None, 0
    for tok in pattern.split(' '):
        opens = tok.startswith('[')
        closes = tok.endswith(']')
        core = tok[1 if opens else 0: len(tok) - (1 if closes else 0)]
        if opens:
            if group is not None:
                raise ValueError('nested optional group')
            gi += 1
            group = gi
        if not core or '[' in core or ']' in core:
            raise ValueError(f'bad bracket use in {tok!r}')
        items.append((core, group))
        if closes:
            if group is None:
                raise ValueError('unbalanced ]')
            group = None
    if group is not None:
        raise ValueError('unclosed [')
    return items


def classify(item):
    if item == '*':
        return 'any'
    if item in ("'s", '-'):
        return 'mark'
    if SLOT_RE.match(item):
        return 'slot'
    base = item.split('+')
    if len(base) == 2 and WORD_RE.match(base[0]) and base[1] in PARTICLES:
        return 'phrasal'
    if all(WORD_RE.match(w) for w in item.split('|')):
        return 'word'
    return None


def check_pattern(row, where):
    pat, kind, lemma = row['pattern'], row['kind'], row['lemma']
    try:
        items = tokenize_pattern(pat)
    except ValueError as e:
        err(f'{where}: pattern {pat!r}: {e}')
        return None
    slots = Counter()
    info = {'src': None, 'tgt': None, 'tgt_heads': None}
    for idx, (it, g) in enumerate(items):
        c = classify(it)
        if c is None:
            err(f'{where}: pattern item {it!r} not in the documented syntax')
            continue
        if c == 'slot':
            m = SLOT_RE.match(it)
            slots[m.group(1)] += 1
            key = m.group(1).lower()
            info[key] = 'optional' if g else 'required'
            if m.group(1) == 'TGT' and m.group(2):
                info['tgt_heads'] = m.group(2).split('|')
        if c == 'phrasal' and not it.startswith(lemma.split(' ')[0] + '+') and \
                (idx == 0 or items[idx - 1][0] != 'to'):
            err(f'{where}: particle marker + only allowed on the head or an infinitive ({it!r})')
        if it == 'and':
            if idx < 2 or items[idx - 2][0] != 'between':
                err(f'{where}: `and` only allowed in `between X and Y`')
        if it == '-' and (idx == 0 or classify(items[idx - 1][0]) != 'slot'
                          or idx + 1 >= len(items) or classify(items[idx + 1][0]) != 'slot'):
            err(f'{where}: `-` must join two slots')
        if it == "'s" and (idx == 0 or items[idx - 1][0] in PREPOSITIONS):
            err(f"{where}: `'s` must follow its possessor")
    for s, n in slots.items():
        if n > 1:
            err(f'{where}: slot {s} occurs {n} times')
    # head lemma present
    words = [it.split('+')[0] for it, _ in items]
    lw = lemma.split(' ')
    found = False
    for i in range(len(words) - len(lw) + 1):
        if all(lw[j] == words[i + j] for j in range(len(lw))):
            if not any(items[i + j][1] for j in range(len(lw))):
                found = True
                break
    if not found:
        err(f'{where}: head lemma {lemma!r} not found as a plain, non-optional item in {pat!r}')
    # A nominal event may take its source from the verb it belongs to (`held a
    # call with TGT`): then TGT alone is enough.
    if row['reciprocal'] == 'yes' and not (info['src'] and info['tgt']) and not (
        row['kind'] == 'noun' and info['tgt']
    ):
        err(f'{where}: reciprocal event needs SRC and TGT in the pattern')
    return info


# ---------------------------------------------------------------- examples

def forms(lemma):
    """Plausible inflected forms of an English lemma."""
    w = lemma
    out = {w, w + 's', w + 'es', w + 'ed', w + 'd', w + 'ing'}
    if w.endswith('y') and len(w) > 2 and w[-2] not in 'aeiou':
        out |= {w[:-1] + 'ies', w[:-1] + 'ied'}
    if w.endswith('e'):
        out.add(w[:-1] + 'ing')
    if w.endswith('ie'):
        out.add(w[:-2] + 'ying')
    if len(w) >= 3 and w[-1] not in 'aeiouwxy' and w[-2] in 'aeiou' and w[-3] not in 'aeiou':
        out |= {w + w[-1] + 'ed', w + w[-1] + 'ing'}
    if w.endswith('s'):
        out.add(w)
        if w[:-1]:
            out.add(w[:-1])  # "talks" lemma also matches "talk"
    for key, fs in IRREGULAR.items():
        if w == key or (w.endswith(key) and len(w) - len(key) >= 2):
            out |= {w[:len(w) - len(key)] + f for f in fs}
    return out


EX_TOKEN = re.compile(r"\[(SRC|TGT) ([^\[\]{}]+)\]|\{([^\[\]{}]+)\}|([\[\]{}])")


def parse_example(ex, where):
    spans = {'SRC': [], 'TGT': [], 'EVT': []}
    for m in EX_TOKEN.finditer(ex):
        if m.group(4):
            err(f'{where}: stray bracket in example near {ex[max(0, m.start() - 15):m.end() + 15]!r}')
            return None
        if m.group(1):
            spans[m.group(1)].append(m.group(2))
        else:
            spans['EVT'].append(m.group(3))
    plain = EX_TOKEN.sub(lambda m: m.group(2) or m.group(3) or '', ex)
    return spans, plain


def check_example(row, info, where):
    ex = row['example']
    if not ex:
        err(f'{where}: empty example')
        return
    res = parse_example(ex, where)
    if res is None:
        return
    spans, plain = res
    if len(spans['EVT']) != 1:
        err(f'{where}: example has {len(spans["EVT"])} {{event}} spans, expected exactly 1')
        return
    for s in ('SRC', 'TGT'):
        if len(spans[s]) > 1:
            err(f'{where}: example has more than one [{s} ...]')
    for s in ('src', 'tgt'):
        need = info[s] if info else None
        has = bool(spans[s.upper()])
        if need == 'required' and not has:
            err(f'{where}: pattern has {s.upper()} but the example marks none')
        if need is None and has:
            err(f'{where}: example marks {s.upper()} but the pattern has no {s.upper()} slot')
    words = re.findall(r"[A-Za-z0-9][A-Za-z0-9'’.-]*", plain)
    if not 8 <= len(words) <= 25:
        err(f'{where}: example has {len(words)} words (8-25 expected)')
    if not re.search(r'[.!?]["”]?$', plain):
        err(f'{where}: example does not end with sentence punctuation')
    if not plain[:1].isupper() and not plain[:1].isdigit() and plain[:1] not in '"“':
        err(f'{where}: example does not start with a capital')
    evt = [w.lower().strip(".,;:'’") for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", spans['EVT'][0])]
    kind, lemma = row['kind'], row['lemma']
    needed = lemma.split(' ')
    if kind in ('verb', 'light', 'cue'):
        needed = needed[:1]
    for lw in needed:
        fs = forms(lw)
        if not any(w in fs or w.replace('-', '') in fs for w in evt):
            err(f'{where}: event span {{{spans["EVT"][0]}}} contains no form of {lw!r}')
    if info and info.get('tgt_heads') and spans['TGT']:
        tg = spans['TGT'][0].lower()
        if not any(re.search(r'\b' + re.escape(h[:5]), tg) for h in info['tgt_heads']):
            err(f'{where}: TGT phrase {spans["TGT"][0]!r} lacks a required head {info["tgt_heads"]}')


# ---------------------------------------------------------------- events.tsv

def check_events(path, table):
    rows, comments = read_tsv(path, EVENT_COLS)
    ids = set()
    per_root = Counter()
    per_kind = Counter()
    per_mod = Counter()
    keys = Counter()
    for r in rows:
        where = f'events.tsv:{r["_line"]} ({r["id"]})'
        m = ID_RE.match(r['id'])
        if not m:
            err(f'{where}: bad id')
        if r['id'] in ids:
            err(f'{where}: duplicate id')
        ids.add(r['id'])
        kind, code = r['kind'], r['cameo']
        per_kind[kind] += 1
        if kind not in KINDS:
            err(f'{where}: bad kind {kind!r}')
        if kind == 'cue':
            if code:
                err(f'{where}: cue rows carry no CAMEO code')
            if m and m.group(1) != 'cue':
                err(f'{where}: cue ids must be coder.cue.<name>')
        else:
            if code not in table:
                err(f'{where}: CAMEO code {code!r} not in cameo.tsv')
            else:
                per_root[code[:2]] += 1
                if m and m.group(1) != id_type_for(code, table):
                    err(f'{where}: id type {m.group(1)!r}, code {code} gives {id_type_for(code, table)!r}')
        if not r['lemma'] or r['lemma'] != r['lemma'].lower() or '  ' in r['lemma']:
            err(f'{where}: bad lemma {r["lemma"]!r}')
        if r['modality'] not in MODALITIES:
            err(f'{where}: bad modality {r["modality"]!r}')
        per_mod[r['modality'] or '(none)'] += 1
        if r['reciprocal'] not in ('yes', 'no'):
            err(f'{where}: reciprocal must be yes or no')
        keys[(r['pattern'], code)] += 1
        info = check_pattern(r, where)
        check_example(r, info, where)
    for (p, c), n in keys.items():
        if n > 1:
            err(f'events.tsv: pattern {p!r} with code {c} occurs {n} times')
    same_pat = Counter(p for p, _ in keys)
    for p, n in same_pat.items():
        if n > 1:
            warn(f'events.tsv: pattern {p!r} is listed with {n} different codes')
    for root in range(1, 21):
        if per_root[f'{root:02d}'] == 0:
            err(f'events.tsv: root {root:02d} has no entries')
    if len(rows) < 350:
        warn(f'events.tsv: only {len(rows)} entries (350 expected)')
    return rows, per_root, per_kind, per_mod


# ---------------------------------------------------------------- copying

def ngram_set(text, n=12):
    toks = re.findall(r"[a-z0-9]+", text.lower())
    return {' '.join(toks[i:i + n]) for i in range(len(toks) - n + 1)}


def check_copying(own_texts, sources):
    src_grams = set()
    for p in sources:
        with open(p, encoding='utf-8', errors='replace') as fh:
            src_grams |= ngram_set(fh.read())
    for label, text in own_texts:
        hits = ngram_set(text) & src_grams
        if hits:
            err(f'{label}: shares a 12-word run with a source file: {sorted(hits)[0]!r}')


def main(argv):
    strict = '--strict' in argv
    def opt(name):
        return argv[argv.index(name) + 1] if name in argv and argv.index(name) + 1 < len(argv) else None
    plover = find_source(['eval', 'plover', 'CAMEO2PLOVER-2021.txt'], opt('--plover'))
    codebook = find_source(['eval', 'dictionaries', 'openeventdata_Dictionaries',
                            'CAMEO.Manual.1.1b3.tex'], opt('--codebook'))
    print(f'PLOVER table: {plover or "not found (skipped)"}')
    print(f'CAMEO codebook: {codebook or "not found (skipped)"}')
    table = check_cameo(os.path.join(HERE, 'cameo.tsv'), plover, codebook)
    rows, per_root, per_kind, per_mod = check_events(os.path.join(HERE, 'events.tsv'), table)

    sources = [p for p in (
        plover, codebook,
        find_source(['eval', 'plover', 'PLOVER_GSR_CAMEO_readme.tex']),
        find_source(['eval', 'plover', 'PLOVER_GSR_CAMEO.json']),
        find_source(['eval', 'dictionaries', 'openeventdata_Dictionaries', 'CAMEO.verbpatterns.txt']),
        find_source(['eval', 'tabari', 'CAMEO.091003.master.verbs'])) if p]
    own = [(f'cameo.tsv:{c}', r['name'] + ' . ' + r['description']) for c, r in table.items()]
    own += [(f'events.tsv:{r["id"]}', re.sub(r'[\[\]{}]|\b(SRC|TGT)\b', ' ', r['example']) + ' . ' + r['notes'])
            for r in rows]
    if sources:
        check_copying(own, sources)

    by_root = Counter(c[:2] for c in table)
    print(f'cameo.tsv: {len(table)} codes')
    print(f'events.tsv: {len(rows)} entries; by kind: ' +
          ', '.join(f'{k} {per_kind[k]}' for k in sorted(per_kind)))
    print('  by modality: ' + ', '.join(f'{k} {v}' for k, v in sorted(per_mod.items())))
    print('  root  codes  entries')
    for root in range(1, 21):
        k = f'{root:02d}'
        name = table[k]['name'] if k in table else '?'
        print(f'  {k}    {by_root[k]:5d}  {per_root[k]:7d}  {name}')
    for n in notes:
        print('NOTE:', n)
    for w in warnings:
        print('WARNING:', w)
    for e in errors:
        print('ERROR:', e)
    print(f'{len(errors)} error(s), {len(warnings)} warning(s)')
    return 1 if errors or (strict and warnings) else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
