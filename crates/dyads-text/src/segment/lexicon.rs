//! Word lists and character classes the segmenter consults.
//!
//! All lists are small `match` tables: no allocation, no hashing.

/// How an abbreviation that kept its period behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// Titles and words that always lead into more text (`Dr.`, `Mr.`,
    /// `Gen.`, `No.`, `vs.`, `e.g.`): never end a sentence.
    Never,
    /// `etc.`: ends a sentence when the next word is capitalised.
    Etc,
    /// Everything else (`U.S.`, `a.m.`, `Inc.`, `Jan.`, initials): ends a
    /// sentence only when the next word is a common sentence starter.
    CanEnd,
}

/// True for the words (without their period) that keep a following period
/// as part of the token: titles, months, company suffixes and the like.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        // titles and ranks
        "Dr" | "Mr" | "Mrs" | "Ms" | "Messrs" | "Mme" | "Mlle" | "Prof" | "Gen" | "Lt" | "Col"
            | "Maj" | "Capt" | "Cpt" | "Sgt" | "Cpl" | "Pvt" | "Adm" | "Cmdr" | "Cdr" | "Brig"
            | "Sen" | "Sens" | "Rep" | "Reps" | "Gov" | "Pres" | "Amb" | "Rev" | "Hon" | "Supt"
            | "Insp" | "Gens" | "Jr" | "Sr" | "St" | "Ste" | "Mt" | "Ft"
            // months
            | "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct"
            | "Nov" | "Dec"
            // organisations
            | "Inc" | "Ltd" | "Co" | "Corp" | "Bros" | "Dept" | "Univ" | "Assn" | "Intl"
            // streets
            | "Ave" | "Blvd" | "Rd"
            // latin and scholarly
            | "vs" | "etc" | "cf" | "al" | "approx" | "viz" | "ca"
            // numbered things (only before a number, see `needs_number`)
            | "No" | "Nos" | "no" | "Art" | "Vol" | "vol" | "Fig" | "fig" | "pp" | "Para"
            | "para" | "Sec" | "Ch" | "Nr"
    )
}

/// Abbreviations that keep their period only when a number follows
/// (`No. 2`, `Art. 5`): otherwise `No.` is a word and a full stop.
pub(crate) fn needs_number(word: &str) -> bool {
    matches!(
        word,
        "No" | "Nos"
            | "no"
            | "Art"
            | "Vol"
            | "vol"
            | "Fig"
            | "fig"
            | "pp"
            | "Para"
            | "para"
            | "Sec"
            | "Ch"
            | "Nr"
    )
}

/// The class of a word token that ends with the period it kept.
pub(crate) fn abbrev_class(token: &str) -> AbbrevClass {
    let base = token.strip_suffix('.').unwrap_or(token);
    match base {
        "Dr" | "Mr" | "Mrs" | "Ms" | "Messrs" | "Mme" | "Mlle" | "Prof" | "Gen" | "Lt" | "Col"
        | "Maj" | "Capt" | "Cpt" | "Sgt" | "Cpl" | "Pvt" | "Adm" | "Cmdr" | "Cdr" | "Brig"
        | "Sen" | "Sens" | "Rep" | "Reps" | "Gov" | "Pres" | "Amb" | "Rev" | "Hon" | "Supt"
        | "Insp" | "Gens" | "Mt" | "Ft" | "vs" | "cf" | "viz" | "ca" | "approx" | "e.g" | "i.e"
        | "No" | "Nos" | "no" | "Art" | "Vol" | "vol" | "Fig" | "fig" | "pp" | "Para" | "para"
        | "Sec" | "Ch" | "Nr" => AbbrevClass::Never,
        "etc" => AbbrevClass::Etc,
        _ => AbbrevClass::CanEnd,
    }
}

/// Capitalised words that commonly open a sentence in news text: pronouns,
/// determiners, conjunctions and discourse adverbs. After an abbreviation
/// that can end a sentence (`U.S.`, `a.m.`, `Inc.`), one of these means a
/// new sentence; any other capitalised word (`Congress`, `Moscow`) is taken
/// as a continuation.
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "Your"
            | "There"
            | "Here"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "However"
            | "Meanwhile"
            | "Moreover"
            | "Furthermore"
            | "Nevertheless"
            | "Still"
            | "Also"
            | "Then"
            | "Now"
            | "Earlier"
            | "Later"
            | "Today"
            | "Yesterday"
            | "Tomorrow"
            | "In"
            | "On"
            | "At"
            | "After"
            | "Before"
            | "When"
            | "While"
            | "Since"
            | "During"
            | "Although"
            | "Though"
            | "If"
            | "As"
            | "According"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "Where"
            | "Which"
            | "Some"
            | "Many"
            | "Most"
            | "Several"
            | "Both"
            | "Each"
            | "Every"
            | "All"
            | "No"
            | "Not"
            | "Such"
            | "Other"
            | "Another"
            | "Last"
            | "Next"
            | "One"
            | "Two"
            | "Three"
            | "Officials"
            | "Analysts"
            | "Instead"
            | "Under"
            | "For"
            | "From"
            | "With"
            | "By"
            | "Despite"
            | "Following"
            | "Asked"
            | "Separately"
            | "Further"
            | "Thus"
    )
}

/// Lowercase words a wrapped line often ends with: a line ending in one of
/// these is not a headline, whatever the next line starts with.
pub(crate) fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "as"
            | "that"
            | "than"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "between"
            | "about"
            | "after"
            | "before"
            | "against"
            | "said"
            | "says"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "can"
            | "not"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "this"
            | "these"
            | "those"
            | "which"
            | "who"
            | "whose"
            | "while"
            | "if"
            | "when"
            | "where"
            | "during"
            | "within"
            | "without"
    )
}

/// Characters that are part of words besides letters and digits: combining
/// marks and zero-width joiners, so `é` written as `e` + U+0301 stays one word.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric()
        || matches!(c,
            '\u{0300}'..='\u{036F}'
            | '\u{0483}'..='\u{0489}'
            | '\u{0591}'..='\u{05BD}'
            | '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{200C}'..='\u{200D}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FE20}'..='\u{FE2F}')
}

/// Apostrophes and hyphens that join two word parts (`Xi’s`, `Jong-un`).
pub(crate) fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑')
}

/// Punctuation that ends a sentence outright.
pub(crate) fn is_strong_terminator(s: &str) -> bool {
    matches!(
        s,
        "." | "?" | "!" | "‼" | "⁇" | "⁈" | "⁉" | "。" | "？" | "！" | "؟" | "।" | "॥" | "։"
    )
}

/// Ellipses: `…` or a run of two or more periods.
pub(crate) fn is_ellipsis(s: &str) -> bool {
    s == "…" || (s.len() >= 2 && s.bytes().all(|b| b == b'.'))
}

/// Closing quotes and brackets that stay with the sentence they close.
pub(crate) fn is_closer(s: &str) -> bool {
    matches!(
        s,
        "\"" | "'"
            | "”"
            | "’"
            | "»"
            | "›"
            | ")"
            | "]"
            | "}"
            | "」"
            | "』"
            | "）"
            | "】"
            | "〉"
            | "》"
    )
}

/// Opening quotes and brackets, skipped when looking at the next word.
pub(crate) fn is_opener(s: &str) -> bool {
    matches!(
        s,
        "\"" | "'"
            | "“"
            | "‘"
            | "„"
            | "‚"
            | "«"
            | "‹"
            | "("
            | "["
            | "{"
            | "「"
            | "『"
            | "（"
            | "【"
            | "〈"
            | "《"
    )
}

/// List bullets that open an item at the start of a line.
pub(crate) fn is_bullet(s: &str) -> bool {
    matches!(
        s,
        "-" | "*"
            | "•"
            | "–"
            | "—"
            | "·"
            | "▪"
            | "‣"
            | "◦"
            | "►"
            | "▸"
            | "■"
            | "□"
            | "○"
            | "●"
            | "✓"
    )
}
