//! Repairs of parser errors that event coding depends on, made on a copy
//! of the sentence before the coder reads it.

use std::borrow::Cow;

use dyads_syntax::ParsedSentence;

/// Coordinated clauses whose subject the parser hung as a conjunct of the
/// first clause (`the incursion violated that agreement, and Egypt, Saudi
/// Arabia and Qatar condemned Israel`: `Egypt` as a conjunct of `violated`,
/// `condemned` without a subject) or of a noun inside it (`Saudi Arabia
/// condemned the strikes as an aggression, and China and Russia also
/// denounced them`: `China` as a conjunct of `aggression`): the name
/// becomes the subject of the verb right after it (adverbs between them
/// allowed), with the conjunction. The sentence is copied only when
/// something is repaired.
pub(crate) fn coordinated_subject(p: &ParsedSentence) -> Cow<'_, ParsedSentence> {
    let t = &p.tokens;
    let n = t.len();
    let mut fixes: Vec<(usize, usize)> = Vec::new();
    for v2 in 0..n {
        let Some(v1) = t[v2].head else { continue };
        if t[v2].deprel != "conj" || t[v2].upos != "VERB" || t[v1].upos != "VERB" {
            continue;
        }
        let has_subject = (0..n).any(|k| t[k].head == Some(v2) && t[k].deprel.starts_with("nsubj"));
        if has_subject {
            continue;
        }
        // The nominal conjunct of the same verb (or of a verb inside its
        // clause: `asked the council to hold a meeting, and Russia, Turkey
        // and China condemned`) whose phrase ends right before the second
        // verb, opened by a conjunction.
        let direct = (0..v2)
            .rev()
            .find(|&k| {
                t[k].head.is_some_and(|h| {
                    h == v1 || h > v1 && h < k && t[h].upos == "VERB" && descends_from(p, h, v1)
                }) && t[k].deprel == "conj"
                    && matches!(t[k].upos, "PROPN" | "NOUN")
            })
            .filter(|&nm| {
                let opened = (0..nm).any(|k| t[k].head == Some(nm) && t[k].deprel == "cc");
                subtree_end(p, nm) + 1 == v2 && opened && nm > v1
            });
        if let Some(nm) = direct.or_else(|| nested_subject(p, v1, v2)) {
            fixes.push((nm, v2));
        }
    }
    if fixes.is_empty() {
        return Cow::Borrowed(p);
    }
    let mut q = p.clone();
    for (nm, v2) in fixes {
        for k in 0..nm {
            if q.tokens[k].head == Some(nm) && q.tokens[k].deprel == "cc" {
                q.tokens[k].head = Some(v2);
            }
        }
        q.tokens[nm].head = Some(v2);
        q.tokens[nm].deprel = "nsubj";
    }
    Cow::Owned(q)
}

/// For [`coordinated_subject`]: a name the parser hung as a conjunct of a
/// noun in the first clause (`v1`'s object or oblique), opened by a comma
/// and a conjunction, whose phrase ends right before the finite verb `v2`
/// or before adverbs of it (`..., and China and Russia also denounced`).
fn nested_subject(p: &ParsedSentence, v1: usize, v2: usize) -> Option<usize> {
    let t = &p.tokens;
    if !matches!(t[v2].xpos, "VBD" | "VBZ" | "VBP") {
        return None;
    }
    // Adverbs of the second verb right before it.
    let mut gap = v2;
    while gap > 0 && t[gap - 1].head == Some(v2) && t[gap - 1].deprel == "advmod" {
        gap -= 1;
    }
    let nm = (v1 + 1..gap).find(|&k| {
        let Some(h) = t[k].head else { return false };
        t[k].deprel == "conj"
            && t[k].upos == "PROPN"
            && h > v1
            && h < k
            && matches!(t[h].upos, "NOUN" | "PROPN")
            && descends_from(p, h, v1)
            && subtree_end(p, k) + 1 == gap
    })?;
    // Opened by `, and` (or `, but`): the conjunction right before the
    // name and a comma right before it.
    let cc = nm.checked_sub(1)?;
    let comma = cc.checked_sub(1)?;
    (t[cc].upos == "CCONJ" && t[comma].xpos == ",").then_some(nm)
}

/// Whether `i` lies in the subtree of `root` (or is it).
fn descends_from(p: &ParsedSentence, i: usize, root: usize) -> bool {
    let mut h = Some(i);
    let mut guard = 0;
    while let Some(x) = h {
        if x == root {
            return true;
        }
        guard += 1;
        if guard > p.tokens.len() {
            return false;
        }
        h = p.tokens[x].head;
    }
    false
}

/// The repairs, in turn; each copies the sentence only when it mends
/// something.
pub(crate) fn repair(p: &ParsedSentence) -> Cow<'_, ParsedSentence> {
    let steps: [fn(&ParsedSentence) -> Option<ParsedSentence>; 13] = [
        fronted_day,
        nominal_conjunct,
        reporter_conjunct,
        split_title,
        fronted_clause,
        with_absolute,
        inverted_predicate,
        temporal_subject,
        apposed_predicate,
        reduced_relative,
        stolen_subject,
        finite_conjunct,
        phrasal_back,
    ];
    let mut out = coordinated_subject(p);
    for step in steps {
        if let Some(q) = step(&out) {
            out = Cow::Owned(q);
        }
    }
    out
}

/// A title the parser split off a name as a second subject of the same
/// verb (`The French-Algerian writer Boualem Sansal was arrested`: both
/// `writer` and `Boualem` subjects of `arrested`): the common noun, whose
/// phrase ends right before the name, becomes a compound of the name. A
/// copy, when something is repaired.
fn split_title(p: &ParsedSentence) -> Option<ParsedSentence> {
    let t = &p.tokens;
    let mut fixes: Vec<(usize, usize)> = Vec::new();
    for (a, ta) in t.iter().enumerate() {
        if !ta.deprel.starts_with("nsubj") || ta.upos != "NOUN" {
            continue;
        }
        let Some(v) = ta.head else { continue };
        let b = subtree_end(p, a) + 1;
        let name = t
            .get(b)
            .is_some_and(|tb| tb.head == Some(v) && tb.deprel == ta.deprel && tb.upos == "PROPN");
        if name && b > a {
            fixes.push((a, b));
        }
    }
    if fixes.is_empty() {
        return None;
    }
    let mut q = p.clone();
    for (a, b) in fixes {
        q.tokens[a].head = Some(b);
        q.tokens[a].deprel = "compound";
    }
    Some(q)
}

/// Subordinators that open a fronted temporal or causal clause.
const FRONTED_MARKS: &[&str] = &[
    "before", "after", "when", "as", "while", "once", "since", "until",
];

/// A fronted subordinate clause the parser made the sentence's root, with
/// the main clause's verb hung on it and its subject left as an oblique
/// (`Hours before Yoon's plane left Seoul, North Korea fired a missile`:
/// `left` the root, `Korea` an oblique of it, `fired` an adverbial clause):
/// the later verb becomes the root with the name as its subject, and the
/// fronted clause its adverbial clause. A copy, when something is repaired.
fn fronted_clause(p: &ParsedSentence) -> Option<ParsedSentence> {
    let t = &p.tokens;
    let n = t.len();
    let r = (0..n).find(|&k| t[k].head.is_none())?;
    let opened = (0..r).any(|k| {
        t[k].head == Some(r)
            && t[k].deprel == "mark"
            && FRONTED_MARKS.contains(&t[k].lemma.as_str())
    });
    if !opened || t[r].upos != "VERB" {
        return None;
    }
    let v = (r + 1..n).find(|&v| {
        t[v].head == Some(r)
            && t[v].upos == "VERB"
            && matches!(t[v].deprel, "advcl" | "conj" | "parataxis")
            && !has_subject(p, v)
    })?;
    let nm = (r + 1..v).find(|&k| {
        t[k].head == Some(r)
            && matches!(t[k].upos, "PROPN" | "NOUN")
            && !t[k].deprel.starts_with("nsubj")
            && t[k].deprel != "obj"
            && subtree_end(p, k) + 1 == v
    })?;
    // The name's phrase opens right after a comma.
    let first = (0..=nm).find(|&k| k == nm || t[k].upos != "PUNCT" && descends_from(p, k, nm))?;
    if first == 0 || t[first - 1].xpos != "," || (first..nm).any(|k| t[k].upos == "ADP") {
        return None;
    }
    let mut q = p.clone();
    q.tokens[v].head = None;
    q.tokens[v].deprel = "root";
    if q.tokens[v].xpos == "VBN" {
        q.tokens[v].xpos = "VBD";
    }
    q.tokens[r].head = Some(v);
    q.tokens[r].deprel = "advcl";
    q.tokens[nm].head = Some(v);
    q.tokens[nm].deprel = "nsubj";
    q.tokens[first - 1].head = Some(v);
    Some(q)
}

/// A `with` clause whose subject the parser hung on its participle as a
/// modifier (`with French President Emmanuel Macron saying "..."`:
/// `Emmanuel` a compound of `saying`, `with` its case): the noun phrase
/// right before the participle becomes its subject and `with` its mark.
/// A copy, when something is repaired.
fn with_absolute(p: &ParsedSentence) -> Option<ParsedSentence> {
    let t = &p.tokens;
    let n = t.len();
    let mut fixes: Vec<(usize, usize, usize)> = Vec::new();
    for v in 1..n {
        if t[v].xpos != "VBG" {
            continue;
        }
        let with_of = |c: usize| {
            (0..c).find(|&w| {
                t[w].head == Some(c)
                    && t[w].deprel == "case"
                    && t[w].lemma.eq_ignore_ascii_case("with")
            })
        };
        let found = (0..v).find(|&c| {
            t[c].head == Some(v)
                && matches!(t[c].deprel, "compound" | "obl" | "nmod" | "dep" | "obj")
                && matches!(t[c].upos, "NOUN" | "PROPN")
                && with_of(c).is_some()
                && subtree_end(p, c) + 1 == v
        });
        let Some(c) = found else { continue };
        let with = with_of(c);
        // A subject the participle has already must lie before the `with`
        // and its comma (`European leaders rallied ..., with Macron
        // saying`): the main clause's, which the parser lost.
        let earlier = |w: usize| {
            (0..n)
                .filter(|&k| t[k].head == Some(v) && t[k].deprel.starts_with("nsubj"))
                .all(|k| k + 1 < w && w > 0 && t[w - 1].xpos == ",")
        };
        if let Some(w) = with.filter(|&w| earlier(w)) {
            fixes.push((v, c, w));
        }
    }
    if fixes.is_empty() {
        return None;
    }
    let mut q = p.clone();
    for (v, c, w) in fixes {
        for (k, tok) in t.iter().enumerate() {
            if tok.head == Some(v) && tok.deprel.starts_with("nsubj") {
                q.tokens[k].deprel = "dep";
            }
        }
        q.tokens[c].deprel = "nsubj";
        q.tokens[w].head = Some(v);
        q.tokens[w].deprel = "mark";
    }
    Some(q)
}

/// An adjective predicated of a verb's object that the parser made the
/// verb's head (`for calling Sanchez's wife corrupt`: `calling` a clause
/// of `corrupt`, `corrupt` an oblique of the main verb): the verb takes
/// the adjective's place and the adjective becomes its predicate (`xcomp`),
/// the adjective's other dependents after it the verb's. A copy, when
/// something is repaired.
fn inverted_predicate(p: &ParsedSentence) -> Option<ParsedSentence> {
    let t = &p.tokens;
    let n = t.len();
    let v = (0..n).find(|&v| {
        // Cheap tests first: the verb hangs on an adjective after it.
        let Some(a) = t[v].head.filter(|&a| a > v && t[a].xpos == "JJ") else {
            return false;
        };
        if !t[v].xpos.starts_with("VB") || t[v].upos != "VERB" {
            return false;
        }
        let Some(o) = (v + 1..a).find(|&k| t[k].head == Some(v) && t[k].deprel == "obj") else {
            return false;
        };
        subtree_end(p, o) + 1 == a
    })?;
    let o = (v + 1..n).find(|&k| t[k].head == Some(v) && t[k].deprel == "obj")?;
    let a = subtree_end(p, o) + 1;
    let mut q = p.clone();
    q.tokens[v].head = t[a].head;
    q.tokens[v].deprel = match t[a].deprel {
        "obl" | "advmod" | "advcl" => "advcl",
        other => other,
    };
    q.tokens[a].head = Some(v);
    q.tokens[a].deprel = "xcomp";
    for tok in q.tokens.iter_mut().skip(a + 1) {
        if tok.head == Some(a) {
            tok.head = Some(v);
        }
    }
    Some(q)
}

/// A past verb the parser hung on a subject's apposition as a modifier,
/// with the clause's own verb coordinated after it (`Milei, a fierce critic
/// of the socialist leader, branded Maduro a dictator and told him to go`:
/// `branded` as a clause on `critic`): the past verb heads the clause, with
/// the subject its own and the later verb its conjunct. A copy, when
/// something is repaired.
fn apposed_predicate(p: &ParsedSentence) -> Option<ParsedSentence> {
    let t = &p.tokens;
    let fixes: Vec<(usize, usize, usize)> = (1..t.len())
        .filter_map(|v| {
            // A participle read so takes an object (`branded Maduro a
            // dictator`): it is a finite verb.
            let object = t
                .iter()
                .any(|k| k.head == Some(v) && matches!(k.deprel, "obj" | "iobj"));
            if !(t[v].xpos == "VBD" || t[v].xpos == "VBN" && object)
                || t[v].deprel != "acl"
                || t[v - 1].lemma != ","
            {
                return None;
            }
            let a = t[v].head?;
            let x = t[a].head?;
            let r = t[x].head?;
            let ok = t[a].deprel == "appos"
                && t[x].deprel.starts_with("nsubj")
                && r > v
                && t[r].upos == "VERB"
                && (v + 1..r).any(|c| t[c].head == Some(r) && t[c].deprel == "cc");
            ok.then_some((v, x, r))
        })
        .collect();
    if fixes.is_empty() {
        return None;
    }
    let mut q = p.clone();
    for (v, x, r) in fixes {
        q.tokens[v].head = q.tokens[r].head;
        q.tokens[v].deprel = q.tokens[r].deprel;
        q.tokens[v].xpos = "VBD";
        q.tokens[v].feats = "Mood=Ind|Tense=Past|VerbForm=Fin".into();
        q.tokens[r].head = Some(v);
        q.tokens[r].deprel = "conj";
        q.tokens[x].head = Some(v);
    }
    Some(q)
}

/// `back down`, `back off`, `back away` after an auxiliary or `to` that
/// the tagger read as two adverbs, the particle heading the clause
/// (`Taiwan would not back down`): `back` becomes the clause's verb and
/// the particle its particle. A copy, when something is repaired.
fn phrasal_back(p: &ParsedSentence) -> Option<ParsedSentence> {
    let t = &p.tokens;
    let fixes: Vec<usize> = (0..t.len().saturating_sub(1))
        .filter(|&b| {
            let d = b + 1;
            t[b].lemma.eq_ignore_ascii_case("back")
                && t[b].upos != "VERB"
                && matches!(t[d].lemma.as_str(), "down" | "off" | "away")
                && t[b].head == Some(d)
                && t.iter().any(|k| {
                    k.head == Some(d) && (k.deprel.starts_with("aux") || k.deprel == "mark")
                })
        })
        .collect();
    if fixes.is_empty() {
        return None;
    }
    let mut q = p.clone();
    for b in fixes {
        let d = b + 1;
        for k in 0..q.tokens.len() {
            if k != b && q.tokens[k].head == Some(d) {
                q.tokens[k].head = Some(b);
            }
        }
        q.tokens[b].head = q.tokens[d].head;
        q.tokens[b].deprel = q.tokens[d].deprel;
        q.tokens[b].upos = "VERB";
        q.tokens[b].xpos = "VB";
        q.tokens[d].head = Some(b);
        q.tokens[d].deprel = "compound:prt";
        q.tokens[d].upos = "ADP";
        q.tokens[d].xpos = "RP";
    }
    Some(q)
}

/// Whether token `v` has a subject of its own.
fn has_subject(p: &ParsedSentence, v: usize) -> bool {
    p.tokens
        .iter()
        .any(|k| k.head == Some(v) && (k.deprel.starts_with("nsubj") || k.deprel == "expl"))
}

/// A subject the parser hung as an apposition or conjunct on an opening
/// phrase, its verb left without one (`In a televised address early on
/// Thursday, interim President Ahmed al-Sharaa accused Israel`: `Ahmed` an
/// apposition of `address`): the name whose phrase ends right before the
/// finite verb, after a comma, becomes its subject. A copy, when something
/// is repaired.
fn stolen_subject(p: &ParsedSentence) -> Option<ParsedSentence> {
    let t = &p.tokens;
    let mut fixes: Vec<(usize, usize)> = Vec::new();
    for v in 1..t.len() {
        if t[v].upos != "VERB"
            || !matches!(t[v].xpos, "VBD" | "VBZ" | "VBP")
            || !matches!(t[v].deprel, "root" | "conj")
            || has_subject(p, v)
        {
            continue;
        }
        let Some(nm) = (0..v).rev().find(|&k| {
            matches!(t[k].deprel, "appos" | "conj")
                && matches!(t[k].upos, "PROPN" | "NOUN")
                && t[k].head.is_some_and(|o| o < k)
        }) else {
            continue;
        };
        let Some(o) = t[nm].head else { continue };
        // The phrase it hangs on opens the sentence before the verb and is
        // the verb's adverbial; a comma stands between the two.
        let opener = t[o].head == Some(v) && t[o].deprel.starts_with("obl");
        let comma = (o + 1..nm).any(|k| t[k].xpos == "," && t[k].head.is_some());
        let first_of_name = (o + 1..nm)
            .rev()
            .take_while(|&k| t[k].xpos != ",")
            .all(|k| {
                t[k].head == Some(nm) || matches!(t[k].upos, "PROPN" | "ADJ" | "DET" | "NOUN")
            });
        if opener && comma && first_of_name && subtree_end(p, nm) + 1 == v {
            fixes.push((nm, v));
        }
    }
    if fixes.is_empty() {
        return None;
    }
    let mut q = p.clone();
    for (nm, v) in fixes {
        q.tokens[nm].head = Some(v);
        q.tokens[nm].deprel = "nsubj";
    }
    Some(q)
}

/// A finite past verb the parser coordinated with a present or non-finite
/// verb of a clause below the main one (`demanded that government forces
/// leave Sweida and warned that ...`: `warned` a conjunct of `leave`;
/// `agreed to pause them and pledged`): a past tense verb with no subject
/// of its own cannot share that clause's, so it becomes a conjunct of the
/// past verb that governs the clause. A copy, when something is repaired.
fn finite_conjunct(p: &ParsedSentence) -> Option<ParsedSentence> {
    let t = &p.tokens;
    let mut fixes: Vec<(usize, usize)> = Vec::new();
    for v2 in 0..t.len() {
        let Some(v1) = t[v2].head else { continue };
        if t[v2].deprel != "conj"
            || t[v2].upos != "VERB"
            || t[v2].xpos != "VBD"
            || has_subject(p, v2)
            || t[v1].upos != "VERB"
            || !matches!(t[v1].xpos, "VB" | "VBG" | "VBP" | "VBZ")
            || !matches!(t[v1].deprel, "ccomp" | "xcomp" | "advcl")
        {
            continue;
        }
        // An auxiliary on the first verb (`would impose`) leaves the past
        // verb ungrammatical either way: no repair.
        if t.iter()
            .any(|k| k.head == Some(v1) && k.deprel.starts_with("aux"))
        {
            continue;
        }
        let Some(g) = t[v1].head else { continue };
        if t[g].upos == "VERB" && t[g].xpos == "VBD" && g < v1 {
            fixes.push((v2, g));
        }
    }
    if fixes.is_empty() {
        return None;
    }
    let mut q = p.clone();
    for (v2, g) in fixes {
        q.tokens[v2].head = Some(g);
    }
    Some(q)
}

/// Verbs by which a reporter goes on after what it reported (`said the
/// decision was taken to protect Rwanda's interests, and accused Brussels
/// of harbouring neo-colonial ambitions`).
const REPORTER_VERBS: &[&str] = &[
    "accuse",
    "urge",
    "call",
    "demand",
    "ask",
    "press",
    "warn",
    "vow",
    "threaten",
    "blame",
    "criticise",
    "criticize",
    "condemn",
    "reject",
];

/// A reporter's verb with an object that the parser coordinated, after `,
/// and`, with the verb of the clause a speech verb reports (`said that
/// Floderus and Azizi would soon be reunited with their families, and
/// accused Iran of using them as pawns`: `accused`, read as a passive
/// participle, a conjunct of `reunited`): with no subject or auxiliary of
/// its own, it becomes a finite conjunct of the speech verb. A copy, when
/// something is repaired.
fn reporter_conjunct(p: &ParsedSentence) -> Option<ParsedSentence> {
    let t = &p.tokens;
    let mut fixes: Vec<(usize, usize)> = Vec::new();
    for v2 in 0..t.len() {
        let Some(v1) = t[v2].head else { continue };
        if t[v1].deprel != "ccomp"
            || !REPORTER_VERBS.contains(&t[v2].lemma.as_str())
            || !active_past_conjunct(p, v2)
            || v2 < 2
            || t[v2 - 2].xpos != ","
        {
            continue;
        }
        let Some(g) = t[v1].head else { continue };
        if g < v1
            && t[g].xpos == "VBD"
            && crate::quotes::reported::SPEECH_VERBS.contains(&t[g].lemma.as_str())
        {
            fixes.push((v2, g));
        }
    }
    finite_copy(p, &fixes)
}

/// Whether `v2` is a past verb (or a participle read for one) coordinated
/// by an `and` or `but` right before it, with an object after it and no
/// subject, auxiliary or agent of its own: an active past verb that the
/// parser joined to the wrong head.
fn active_past_conjunct(p: &ParsedSentence, v2: usize) -> bool {
    let t = &p.tokens;
    if t[v2].deprel != "conj"
        || t[v2].upos != "VERB"
        || !matches!(t[v2].xpos, "VBD" | "VBN")
        || has_subject(p, v2)
    {
        return false;
    }
    let kids: Vec<usize> = (0..t.len()).filter(|&k| t[k].head == Some(v2)).collect();
    let opened = kids.iter().any(|&k| {
        k + 1 == v2 && t[k].deprel == "cc" && matches!(t[k].lemma.as_str(), "and" | "but")
    });
    let object = kids
        .iter()
        .any(|&k| k > v2 && t[k].deprel == "obj" && matches!(t[k].upos, "NOUN" | "PROPN"));
    let passive = kids
        .iter()
        .any(|&k| t[k].deprel.starts_with("aux") || t[k].deprel == "obl:agent");
    opened && object && !passive
}

/// A copy of `p` with each verb of `fixes` made a finite conjunct of its
/// new head; `None` when there is nothing to mend.
fn finite_copy(p: &ParsedSentence, fixes: &[(usize, usize)]) -> Option<ParsedSentence> {
    if fixes.is_empty() {
        return None;
    }
    let mut q = p.clone();
    for &(v2, g) in fixes {
        q.tokens[v2].head = Some(g);
        q.tokens[v2].xpos = "VBD";
    }
    Some(q)
}

/// A past verb with an object the parser coordinated with a noun of the
/// clause before (`said Pakistan had "nothing to do with" the killings and
/// accused New Delhi of blaming Islamabad`: `accused`, read as a
/// participle, a conjunct of `killings`): with no subject of its own, no
/// auxiliary and no agent, it becomes a finite conjunct of the nearest past
/// verb above the noun. A copy, when something is repaired.
fn nominal_conjunct(p: &ParsedSentence) -> Option<ParsedSentence> {
    let t = &p.tokens;
    let mut fixes: Vec<(usize, usize)> = Vec::new();
    for v2 in 0..t.len() {
        let Some(n) = t[v2].head else { continue };
        if !matches!(t[n].upos, "NOUN" | "PROPN" | "PRON") || !active_past_conjunct(p, v2) {
            continue;
        }
        let mut g = t[n].head;
        for _ in 0..t.len() {
            let Some(k) = g else { break };
            if t[k].upos == "VERB" && t[k].xpos == "VBD" && k < n {
                fixes.push((v2, k));
                break;
            }
            g = t[k].head;
        }
    }
    finite_copy(p, &fixes)
}

/// A past participle with a by-agent that the parser hung on the main verb
/// as an adverbial clause, right after a noun phrase of that verb (`agreed
/// to a ceasefire after talks in Doha mediated by Qatar`: `mediated` an
/// adverbial of `agreed`), is a reduced relative on that noun: it becomes
/// the noun's `acl`. A copy, when something is repaired.
fn reduced_relative(p: &ParsedSentence) -> Option<ParsedSentence> {
    let t = &p.tokens;
    let n = t.len();
    let mut fixes: Vec<(usize, usize)> = Vec::new();
    for v2 in 0..n {
        let Some(v1) = t[v2].head else { continue };
        if t[v2].deprel != "advcl" || t[v2].xpos != "VBN" || v2 < v1 {
            continue;
        }
        let own = |rel: &str| (0..n).any(|k| t[k].head == Some(v2) && t[k].deprel.starts_with(rel));
        if !own("obl:agent") || own("nsubj") || own("aux") || own("mark") {
            continue;
        }
        let Some(nm) = (v1 + 1..v2).rev().find(|&k| {
            t[k].head == Some(v1)
                && matches!(t[k].deprel, "obl" | "obj")
                && matches!(t[k].upos, "NOUN" | "PROPN")
        }) else {
            continue;
        };
        if subtree_end(p, nm) + 1 == v2 {
            fixes.push((nm, v2));
        }
    }
    if fixes.is_empty() {
        return None;
    }
    let mut q = p.clone();
    for (nm, v2) in fixes {
        q.tokens[v2].head = Some(nm);
        q.tokens[v2].deprel = "acl";
    }
    Some(q)
}

/// A day named after `on` (`by`, `since`, `until`) with no comma before
/// the name that follows, which the parser read as part of that name (`On
/// Sunday Blinken held talks`: `Sunday` a compound of `Blinken`, `On` its
/// case): the day becomes an oblique of the name's verb, the preposition
/// the day's. A copy, when something is repaired.
fn fronted_day(p: &ParsedSentence) -> Option<ParsedSentence> {
    let t = &p.tokens;
    let mut fixes: Vec<(usize, usize, usize)> = Vec::new();
    for i in 1..t.len() {
        let case = i - 1;
        let Some(k) = t[i].head else { continue };
        let Some(v) = t[k].head else { continue };
        let day = dyads_time::is_calendar_name(&t[i].lemma.to_lowercase());
        if day
            && k > i
            && matches!(t[i].deprel, "compound" | "flat")
            && t[case].upos == "ADP"
            && matches!(
                t[case].lemma.to_lowercase().as_str(),
                "on" | "by" | "since" | "until"
            )
            && t[case].head == Some(k)
            && t[k].upos == "PROPN"
            && t[k].deprel.starts_with("nsubj")
            && matches!(t[v].upos, "VERB" | "AUX")
        {
            fixes.push((case, i, v));
        }
    }
    if fixes.is_empty() {
        return None;
    }
    let mut q = p.clone();
    for (case, i, v) in fixes {
        q.tokens[i].head = Some(v);
        q.tokens[i].deprel = "obl";
        q.tokens[case].head = Some(i);
    }
    Some(q)
}

/// Subordinators the parser reads as prepositions before a clause's
/// subject (`after European leaders demanded ...`).
const CLAUSE_PREPOSITIONS: &[&str] = &["after", "before", "since", "until", "as"];

/// A temporal clause the parser read as a prepositional phrase with a
/// verb coordinated to the main one (`Putin proposed the talks after
/// European leaders demanded that Moscow accept`: `leaders` an oblique of
/// `proposed`, `demanded` its conjunct without a subject): the noun becomes
/// the subject of the verb right after its phrase, the preposition its
/// mark, and the clause an adverbial clause of the main verb. A copy,
/// when something is repaired.
fn temporal_subject(p: &ParsedSentence) -> Option<ParsedSentence> {
    let t = &p.tokens;
    let n = t.len();
    let mut fixes: Vec<(usize, usize, usize)> = Vec::new();
    for v2 in 0..n {
        let Some(v1) = t[v2].head else { continue };
        // A participle with an object and no auxiliary is a past verb the
        // tagger misread (`after Erdogan hosted the leaders`).
        let misread_past = t[v2].xpos == "VBN"
            && (0..n).any(|k| t[k].head == Some(v2) && t[k].deprel == "obj")
            && !(0..n).any(|k| t[k].head == Some(v2) && t[k].deprel.starts_with("aux"));
        if !matches!(t[v2].deprel, "conj" | "parataxis")
            || t[v2].upos != "VERB"
            || !(matches!(t[v2].xpos, "VBD" | "VBZ" | "VBP") || misread_past)
            || t[v1].upos != "VERB"
        {
            continue;
        }
        let subject_or_cc = (0..n).any(|k| {
            t[k].head == Some(v2) && (t[k].deprel.starts_with("nsubj") || t[k].deprel == "cc")
        });
        if subject_or_cc {
            continue;
        }
        // The noun hangs on the first clause's verb or on a verb of its
        // clause (`agreed to set aside the quarrel, after Erdogan hosted`).
        let Some(nm) = (v1 + 1..v2).rev().find(|&k| {
            t[k].deprel == "obl"
                && matches!(t[k].upos, "NOUN" | "PROPN")
                && t[k]
                    .head
                    .is_some_and(|h| h == v1 || t[h].upos == "VERB" && descends_from(p, h, v1))
        }) else {
            continue;
        };
        let Some(case) = (0..nm).find(|&k| {
            t[k].head == Some(nm)
                && t[k].deprel == "case"
                && CLAUSE_PREPOSITIONS.contains(&t[k].lemma.to_lowercase().as_str())
        }) else {
            continue;
        };
        if subtree_end(p, nm) + 1 == v2 {
            fixes.push((case, nm, v2));
        }
    }
    if fixes.is_empty() {
        return None;
    }
    let mut q = p.clone();
    for (case, nm, v2) in fixes {
        let v1 = q.tokens[v2].head;
        q.tokens[case].head = Some(v2);
        q.tokens[case].deprel = "mark";
        q.tokens[nm].head = Some(v2);
        q.tokens[nm].deprel = "nsubj";
        q.tokens[v2].head = v1;
        q.tokens[v2].deprel = "advcl";
        if q.tokens[v2].xpos == "VBN" {
            q.tokens[v2].xpos = "VBD";
        }
    }
    Some(q)
}

/// The last token of the subtree of `i`.
fn subtree_end(p: &ParsedSentence, i: usize) -> usize {
    let t = &p.tokens;
    let mut end = i;
    let mut changed = true;
    while changed {
        changed = false;
        for k in end + 1..t.len() {
            let mut h = t[k].head;
            let mut guard = 0;
            while let Some(x) = h {
                if x == i {
                    if k > end {
                        end = k;
                        changed = true;
                    }
                    break;
                }
                guard += 1;
                if guard > t.len() {
                    break;
                }
                h = t[x].head;
            }
        }
    }
    end
}
