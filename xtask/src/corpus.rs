//! A deterministic generator of synthetic news articles for benchmarks.
//!
//! Articles look like text pasted from a web page: breadcrumb, date and
//! byline line, headline, kicker, dateline, paragraphs with quotes, a
//! duplicated caption, a teaser line, an author bio and a related-articles
//! tail, so the whole cleaning path is exercised.

/// A small xorshift generator: deterministic across runs and platforms.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next number.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A random element of a slice.
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }

    /// A number in `lo..hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo).max(1)
    }
}

const PEOPLE: &[&str] = &[
    "Foreign Minister Ana Reyes",
    "President Tomas Varga",
    "Deputy Foreign Minister Lee Min-jun",
    "Prime Minister Ilse Brandt",
    "Ambassador Omar Haddad",
    "Defence Minister Pavel Orlov",
    "spokeswoman Mei Chen",
    "Secretary-General Ravi Menon",
];
const STATES: &[&str] = &[
    "Russia",
    "North Korea",
    "South Korea",
    "China",
    "Japan",
    "the United States",
    "Ukraine",
    "India",
    "Brazil",
    "Turkey",
    "Iran",
    "Saudi Arabia",
];
const PLACES: &[&str] = &[
    "Moscow",
    "Seoul",
    "Beijing",
    "Geneva",
    "New Delhi",
    "Ankara",
    "Riyadh",
    "Tokyo",
];
const VERBS: &[&str] = &[
    "met with",
    "held talks with",
    "accused",
    "warned",
    "praised",
    "called on",
    "signed an agreement with",
    "rejected a proposal from",
    "hosted",
    "criticised",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const OUTLETS: &[&str] = &["Harbour Ledger", "Eastgate Wire", "Meridian Daily"];
const AUTHORS: &[&str] = &["Ada Quill", "Jon Marsh", "Lena Ortiz", "Kofi Mensah"];

/// One synthetic article as plain text.
pub fn article(rng: &mut Rng, i: usize) -> String {
    let day = rng.range(1, 28);
    let month = rng.range(1, 13);
    let year = rng.range(2019, 2025);
    let a = rng.pick(STATES);
    let b = rng.pick(STATES);
    let place = rng.pick(PLACES);
    let author = rng.pick(AUTHORS);
    let outlet = rng.pick(OUTLETS);
    let title = format!("{a} and {b} trade positions in {place} talks (report {i})");
    let mut s = String::with_capacity(4096);
    s.push_str(&format!("HomeNewsWorld{title}\n\n"));
    s.push_str(&format!(
        "{day:02}.{month:02}.{year} Author: {author}\n\n{title}\n\n"
    ));
    s.push_str(&format!("{a} and {b} talks\n\n"));
    let paragraphs = rng.range(5, 12);
    for p in 0..paragraphs {
        if p == 0 {
            s.push_str(&format!(
                "{place}, {day} {} {year} (HL): ",
                MONTHS[(month - 1) as usize]
            ));
        }
        let sentences = rng.range(2, 6);
        for k in 0..sentences {
            let who = rng.pick(PEOPLE);
            let verb = rng.pick(VERBS);
            let other = rng.pick(STATES);
            match k % 3 {
                0 => s.push_str(&format!(
                    "On {} {}, {who} of {a} {verb} {other} in {place}. ",
                    rng.range(1, 28),
                    rng.pick(MONTHS)
                )),
                1 => s.push_str(&format!(
                    "“We will not accept pressure from {other},” {who} said, adding that the U.S. position was unclear. "
                )),
                _ => s.push_str(&format!(
                    "Officials in {b} said the No. {} issue was sanctions, according to Dr. Ilya V. Petrov. ",
                    rng.range(1, 9)
                )),
            }
        }
        s.push_str("\n\n");
        if p == 2 {
            s.push_str(&format!(
                "{a} leader visited {place} in {year}\n{a} leader visited {place} in {year}\n\n"
            ));
            s.push_str(&format!("Also Read: {b} signs trade deal with {a}\n\n"));
        }
    }
    s.push_str(&format!(
        "{author}, senior correspondent, writes on diplomacy exclusively for the online magazine “{outlet}”.\n\nRelated articles:\n"
    ));
    s
}

/// `n` articles, with their names.
pub fn generate(n: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| (format!("gen/{i:06}.txt"), article(&mut rng, i)))
        .collect()
}
