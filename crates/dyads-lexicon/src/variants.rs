//! Name variants from romanisation rules, and the honorifics the matcher
//! strips.
//!
//! Variants are generated over normalised tokens (`kim jong un`):
//! - Korean names (PRK, KOR): syllable spellings (`choe`/`choi`/`chwe`,
//!   `jong`/`jung`/`chong`, `un`/`eun`, `lee`/`yi`/`ri`/`rhee`, ...) and the
//!   given name joined (`jong un` -> `jongun`);
//! - Chinese names (CHN, TWN, HKG, MAC): a two-syllable given name split
//!   (`jinping` -> `jin ping`);
//! - Russian and other Slavic spellings (`sergei`/`sergey`,
//!   `dmitry`/`dmitri`/`dmitriy`, `-sky`/`-ski`/`-skiy`);
//! - Arabic articles: `al` / `el` / dropped / joined (`al assad`,
//!   `el assad`, `assad`, `alassad`).

/// Words stripped before a name and reported as its title, with no sector
/// of their own (titles with a sector come from `sectors.tsv`).
pub const HONORIFICS: &[&str] = &[
    "comrade",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mister",
    "dr",
    "doctor",
    "prof",
    "sir",
    "dame",
    "madam",
    "madame",
    "mme",
    "his excellency",
    "her excellency",
    "hon",
    "honourable",
    "honorable",
    "respected comrade",
    "dear respected comrade",
];

const SPELLINGS: &[&[&str]] = &[
    // Korean syllables
    &["choe", "choi", "chwe", "choy"],
    &["kim", "gim"],
    &["lee", "yi", "rhee", "ri", "rhie"],
    &["park", "pak", "bak"],
    &["jong", "jung", "chong", "cheong"],
    &["un", "eun"],
    &["hui", "hee", "hi"],
    &["son", "sun", "seon"],
    &["yong", "young"],
    &["ryong", "ryeong"],
    &["chol", "chul", "cheol"],
    &["myung", "myong", "myeong"],
    &["sung", "song", "seong"],
    &["hyun", "hyon", "hyeon"],
    &["yoon", "yun"],
    &["moon", "mun"],
    &["jae", "je"],
    &["su", "soo"],
    &["chang", "jang"],
    // Russian and other Slavic given names
    &["sergei", "sergey", "sergej"],
    &["dmitry", "dmitri", "dmitriy", "dmitrii"],
    &["yuri", "yury", "yuriy", "yurii"],
    &["andrei", "andrey", "andrej"],
    &["alexei", "alexey", "aleksei", "aleksey"],
    &["alexander", "aleksandr"],
    &["nikolai", "nikolay"],
    &["yevgeny", "evgeny", "yevgeni", "evgeni", "yevgeniy"],
    &["gennady", "gennadi", "gennadiy"],
    &["anatoly", "anatoli", "anatoliy"],
    &["vitaly", "vitali", "vitaliy"],
    &["vasily", "vasili", "vasiliy"],
    &["arkady", "arkadi", "arkadiy"],
    &["maxim", "maksim"],
    &["pyotr", "petr"],
    &["fyodor", "fedor"],
    &["mikhail", "mihail"],
    &["maria", "mariya"],
    &["tatiana", "tatyana"],
    &["natalia", "natalya"],
    &["volodymyr", "vladimir"],
    &["oleksandr", "olexandr"],
    &["serhiy", "serhii", "sergiy"],
    &["dmytro", "dmitro"],
    // Arabic given names
    &["mohammed", "muhammad", "mohammad", "mohamed", "muhammed"],
    &["abdullah", "abdallah"],
];

const ARTICLES: &[&str] = &["al", "el"];

const EAST_ASIAN_KOREAN: &[&str] = &["PRK", "KOR"];
const EAST_ASIAN_CHINESE: &[&str] = &["CHN", "TWN", "HKG", "MAC"];

/// True when names of people from `country` put the family name first.
pub fn family_name_first(country: Option<&str>) -> bool {
    country.is_some_and(|c| {
        EAST_ASIAN_KOREAN.contains(&c) || EAST_ASIAN_CHINESE.contains(&c) || c == "VNM"
    })
}

fn spellings(tok: &str) -> Vec<String> {
    let mut out = vec![tok.to_string()];
    if let Some(group) = SPELLINGS.iter().find(|g| g.contains(&tok)) {
        out.extend(group.iter().filter(|s| **s != tok).map(|s| s.to_string()));
    }
    for ends in ["skiy", "skii", "skyy", "sky", "ski"] {
        if let Some(stem) = tok.strip_suffix(ends).filter(|s| s.len() >= 3) {
            for e in ["sky", "ski", "skiy", "skyy"] {
                let v = format!("{stem}{e}");
                if !out.contains(&v) {
                    out.push(v);
                }
            }
            break;
        }
    }
    out
}

const INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w",
];
const FINALS: &[&str] = &[
    "iang", "iong", "uang", "ang", "eng", "ing", "ong", "iao", "ian", "uai", "uan", "ai", "ei",
    "ao", "ou", "an", "en", "in", "un", "ia", "ie", "iu", "ua", "uo", "ui", "ue", "er", "a", "o",
    "e", "i", "u",
];

fn is_pinyin_syllable(s: &str) -> bool {
    let rest = INITIALS.iter().find_map(|i| s.strip_prefix(i)).unwrap_or(s);
    !rest.is_empty() && FINALS.contains(&rest)
}

/// Splits a two-syllable pinyin given name (`jinping` -> `jin`, `ping`),
/// when exactly one split makes two syllables, the second with an initial.
pub fn split_pinyin(tok: &str) -> Option<(String, String)> {
    if tok.len() < 4 || !tok.is_ascii() {
        return None;
    }
    let mut found = None;
    for i in 1..tok.len() {
        let (a, b) = tok.split_at(i);
        let b_has_initial = INITIALS.iter().any(|p| b.starts_with(p));
        if b_has_initial && is_pinyin_syllable(a) && is_pinyin_syllable(b) {
            if found.is_some() {
                return None;
            }
            found = Some((a.to_string(), b.to_string()));
        }
    }
    found
}

/// The most variants generated for one name.
pub const MAX_VARIANTS: usize = 96;

/// Spelling variants of a person's normalised name tokens (not including
/// the name itself), for a person from `country`.
pub fn person_variants(tokens: &[String], country: Option<&str>) -> Vec<Vec<String>> {
    let mut shapes: Vec<Vec<String>> = vec![tokens.to_vec()];
    let korean = country.is_some_and(|c| EAST_ASIAN_KOREAN.contains(&c));
    let chinese = country.is_some_and(|c| EAST_ASIAN_CHINESE.contains(&c));
    if chinese && tokens.len() == 2 {
        if let Some((a, b)) = split_pinyin(&tokens[1]) {
            shapes.push(vec![tokens[0].clone(), a, b]);
        }
    }
    if let Some(pos) = tokens
        .iter()
        .skip(1)
        .position(|t| ARTICLES.contains(&t.as_str()))
    {
        let pos = pos + 1;
        if pos + 1 < tokens.len() {
            let mut dropped = tokens.to_vec();
            dropped.remove(pos);
            shapes.push(dropped);
            let mut joined = tokens.to_vec();
            let next = joined.remove(pos + 1);
            joined[pos] = format!("{}{next}", tokens[pos]);
            shapes.push(joined);
        }
    }
    let mut out: Vec<Vec<String>> = Vec::new();
    for shape in shapes {
        let alts: Vec<Vec<String>> = shape
            .iter()
            .map(|t| {
                if ARTICLES.contains(&t.as_str()) {
                    ARTICLES.iter().map(|s| s.to_string()).collect()
                } else if korean || !family_name_first(country) {
                    spellings(t)
                } else {
                    vec![t.clone()]
                }
            })
            .collect();
        cartesian(&alts, &mut out);
    }
    if korean || chinese {
        // The given name joined: `kim jong un` -> `kim jongun`.
        let joined: Vec<Vec<String>> = out
            .iter()
            .filter(|v| v.len() >= 3)
            .map(|v| vec![v[0].clone(), v[1..].concat()])
            .collect();
        for j in joined {
            if out.len() >= MAX_VARIANTS {
                break;
            }
            if !out.contains(&j) {
                out.push(j);
            }
        }
    }
    out.retain(|v| v.as_slice() != tokens);
    out.dedup();
    out
}

fn cartesian(alts: &[Vec<String>], out: &mut Vec<Vec<String>>) {
    let mut idx = vec![0usize; alts.len()];
    loop {
        if out.len() >= MAX_VARIANTS {
            return;
        }
        let v: Vec<String> = alts
            .iter()
            .zip(&idx)
            .filter_map(|(a, &i)| a.get(i).cloned())
            .collect();
        if !out.contains(&v) {
            out.push(v);
        }
        let mut k = alts.len();
        loop {
            if k == 0 {
                return;
            }
            k -= 1;
            idx[k] += 1;
            if idx[k] < alts[k].len() {
                break;
            }
            idx[k] = 0;
        }
    }
}

/// The family name of a person's normalised name tokens, with the article
/// when there is one (`assad` and `al assad` for `bashar al assad`).
pub fn surnames(tokens: &[String], country: Option<&str>) -> Vec<Vec<String>> {
    if tokens.len() < 2 {
        return Vec::new();
    }
    if family_name_first(country) {
        // A family name that is also an English word of every sentence
        // (`He` of `He Lifeng`) is no name alone.
        return spellings(&tokens[0])
            .into_iter()
            .filter(|s| !ENGLISH_WORDS.contains(&s.as_str()))
            .map(|s| vec![s])
            .collect();
    }
    let n = tokens.len();
    let last = &tokens[n - 1];
    let mut out: Vec<Vec<String>> = spellings(last).into_iter().map(|s| vec![s]).collect();
    if n >= 3 && ARTICLES.contains(&tokens[n - 2].as_str()) {
        for a in ARTICLES {
            out.push(vec![a.to_string(), last.clone()]);
        }
    } else if n >= 3 && tokens[n - 2].chars().count() > 1 {
        // A double family name (`Kayikwamba Wagner` of `Therese Kayikwamba
        // Wagner`, `Lokke Rasmussen`) stands alone too.
        out.push(vec![tokens[n - 2].clone(), last.clone()]);
    }
    out
}

/// Normalised English pronouns and function words that are also family
/// names.
const ENGLISH_WORDS: &[&str] = &[
    "he", "she", "we", "me", "us", "it", "an", "as", "at", "by", "do", "go", "if", "in", "no",
    "of", "on", "or", "so", "to", "up",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    fn joined(v: &[Vec<String>]) -> Vec<String> {
        v.iter().map(|t| t.join(" ")).collect()
    }

    #[test]
    fn korean_variants() {
        let v = joined(&person_variants(&toks("kim jong un"), Some("PRK")));
        for want in ["kim jong eun", "kim jongun", "gim jung un", "kim jongeun"] {
            assert!(v.iter().any(|x| x == want), "{want} not in {v:?}");
        }
        let v = joined(&person_variants(&toks("choe son hui"), Some("PRK")));
        assert!(v.iter().any(|x| x == "choi son hui"), "{v:?}");
        assert!(v.iter().any(|x| x == "choe sonhui"), "{v:?}");
    }

    #[test]
    fn russian_arabic_and_chinese_variants() {
        let v = joined(&person_variants(&toks("sergey lavrov"), Some("RUS")));
        assert!(v.iter().any(|x| x == "sergei lavrov"), "{v:?}");
        let v = joined(&person_variants(&toks("volodymyr zelensky"), Some("UKR")));
        assert!(v.iter().any(|x| x == "volodymyr zelenskyy"), "{v:?}");
        assert!(v.iter().any(|x| x == "vladimir zelenskiy"), "{v:?}");
        let v = joined(&person_variants(&toks("bashar al assad"), Some("SYR")));
        for want in ["bashar el assad", "bashar assad", "bashar alassad"] {
            assert!(v.iter().any(|x| x == want), "{want} not in {v:?}");
        }
        let v = joined(&person_variants(&toks("xi jinping"), Some("CHN")));
        assert_eq!(v, vec!["xi jin ping"]);
        assert_eq!(split_pinyin("qiang"), None);
        assert_eq!(
            joined(&surnames(&toks("xi jinping"), Some("CHN"))),
            vec!["xi"]
        );
        assert!(joined(&surnames(&toks("bashar al assad"), Some("SYR")))
            .contains(&"al assad".to_string()));
        assert!(surnames(&toks("he lifeng"), Some("CHN")).is_empty());
        assert_eq!(
            joined(&surnames(&toks("therese kayikwamba wagner"), Some("COD"))),
            vec!["wagner", "kayikwamba wagner"]
        );
    }
}
