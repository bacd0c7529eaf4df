//! Tokens as TABARI's shallow parser sees them: upper-cased words with the
//! possessive `'s` taken off (and remembered), punctuation as its own
//! tokens, and whether the word was capitalised as written.

/// One token of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The word in upper case, possessive `'S` removed.
    pub text: String,
    /// True when the word carried a possessive `'s` (or `s'`).
    pub possessive: bool,
    /// True when the word began with an upper-case letter as written.
    pub capitalised: bool,
    /// True for punctuation tokens (`,`, `.`, `;`, `:`, `?`, `!`, `(`, `)`).
    pub punct: bool,
}

impl Token {
    /// True for a comma token.
    pub fn is_comma(&self) -> bool {
        self.punct && self.text == ","
    }

    /// True for a token that ends a sentence.
    pub fn is_stop(&self) -> bool {
        self.punct && matches!(self.text.as_str(), "." | "?" | "!")
    }
}

const LEADING: &[char] = &['(', '"', '\'', '[', '`', '\u{201c}', '\u{2018}'];
const TRAILING: &[char] = &[
    ',', '.', ';', ':', '?', '!', ')', '"', '\'', ']', '\u{201d}', '\u{2019}',
];

fn punct(text: &str) -> Token {
    Token {
        text: text.to_string(),
        possessive: false,
        capitalised: false,
        punct: true,
    }
}

/// Splits text into tokens. Quotes and brackets are dropped; a hyphen
/// between letters separates words (`Al-Gore` is `AL GORE`); commas,
/// sentence stops, colons and semicolons become tokens. A final period is
/// kept with abbreviations that have another period inside (`U.S.`).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    // `word,word` and `Dol_Amroth`: separate words.
    let mut spaced = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        let after_letter = prev.is_alphabetic();
        prev = c;
        match c {
            '_' => spaced.push(' '),
            // `Al-Gore`: two words (TABARI's hyphen conversion).
            '-' if after_letter && chars.peek().is_some_and(|n| n.is_alphabetic()) => {
                spaced.push(' ')
            }
            ',' if chars
                .peek()
                .is_some_and(|n| !n.is_whitespace() && !n.is_ascii_digit()) =>
            {
                spaced.push_str(", ")
            }
            _ => spaced.push(c),
        }
    }
    for chunk in spaced.split_whitespace() {
        let mut word = chunk;
        while let Some(c) = word.chars().next().filter(|c| LEADING.contains(c)) {
            word = &word[c.len_utf8()..];
        }
        let mut tail = Vec::new();
        while let Some(c) = word.chars().last().filter(|c| TRAILING.contains(c)) {
            let rest = &word[..word.len() - c.len_utf8()];
            if c == '.' && rest.contains('.') && !tail.contains(&'.') {
                break;
            }
            if c == '\'' && rest.to_ascii_uppercase().ends_with('S') {
                // `allies'`: a possessive plural; keep the word.
                word = rest;
                tail.push('\u{0}');
                continue;
            }
            tail.push(c);
            word = rest;
        }
        if !word.is_empty() {
            let upper = word.to_uppercase().replace('\u{2019}', "'");
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            let (text, possessive) = match upper.strip_suffix("'S") {
                Some(stem) if !stem.is_empty() => (stem.to_string(), true),
                _ => (upper, tail.contains(&'\u{0}')),
            };
            out.push(Token {
                text,
                possessive,
                capitalised,
                punct: false,
            });
        }
        for c in tail.into_iter().rev() {
            match c {
                ',' | '.' | ';' | ':' | '?' | '!' => out.push(punct(&c.to_string())),
                _ => {}
            }
        }
    }
    out
}

/// Splits tokens into sentences at stop tokens (the stop is dropped).
pub fn sentences(tokens: Vec<Token>) -> Vec<Vec<Token>> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for t in tokens {
        if t.is_stop() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(t);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_punctuation_and_possessives() {
        assert_eq!(
            texts("Valdor's envoy,(reportedly) met the U.S. Sea_Kings."),
            vec![
                "VALDOR",
                "ENVOY",
                ",",
                "REPORTEDLY",
                "MET",
                "THE",
                "U.S.",
                "SEA",
                "KINGS",
                "."
            ]
        );
        let t = tokenize("Valdor's allies' plans");
        assert!(t[0].possessive && t[1].possessive && !t[2].possessive);
        assert_eq!(t[1].text, "ALLIES");
        assert!(t[0].capitalised && !t[1].capitalised);
    }

    #[test]
    fn sentence_split() {
        let s = sentences(tokenize("Valdor left. Mirth stayed!"));
        assert_eq!(s.len(), 2);
        assert_eq!(s[1][0].text, "MIRTH");
    }
}
