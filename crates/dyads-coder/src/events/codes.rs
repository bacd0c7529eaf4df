//! CAMEO codes for announced acts: a cooperative act announced for the
//! future is an expression of intent (root 03), a hostile one a threat
//! (root 13), and a cooperative act the actor says it will not do a
//! rejection (root 12).

/// The numeric CAMEO root of an event code (`"1724"` -> 17); 0 when the
/// code has none.
pub(crate) fn root_of(code: &str) -> u8 {
    code.get(..2)
        .and_then(|r| r.parse::<u8>().ok())
        .unwrap_or(0)
}

/// The CAMEO 13 "threaten" code of a hostile act announced or held out
/// (roots 14-20, and 16 "reduce relations").
pub(crate) fn threat_code(code: &str) -> Option<&'static str> {
    Some(match code {
        c if c.starts_with("161") => "1313",
        c if c.starts_with("162") => "1311",
        c if c.starts_with("163") => "1312",
        c if c.starts_with("164") => "134",
        c if c.starts_with("165") => "135",
        c if c.starts_with("166") => "136",
        c if c.starts_with("16") => "131",
        c if c.starts_with("14") => "133",
        c if c.starts_with("1721") => "1321",
        c if c.starts_with("1722") => "1322",
        c if c.starts_with("1723") => "1323",
        c if c.starts_with("1724") => "1324",
        c if c.starts_with("172") => "132",
        c if c.starts_with("17") => "137",
        c if c.starts_with("18") => "1383",
        c if c.starts_with("191") => "1381",
        c if c.starts_with("192") => "1382",
        c if c.starts_with("204") => "1385",
        c if c.starts_with("19") || c.starts_with("20") => "1384",
        _ => return None,
    })
}

/// The CAMEO 03 "express intent" code of a cooperative code (roots 04-08).
pub(crate) fn intent_code(code: &str) -> Option<&'static str> {
    Some(match code {
        c if c.starts_with("04") => "036",
        c if c.starts_with("05") => "032",
        c if c.starts_with("061") => "0311",
        c if c.starts_with("062") => "0312",
        c if c.starts_with("063") => "0313",
        c if c.starts_with("064") => "0314",
        c if c.starts_with("06") => "031",
        c if c.starts_with("071") => "0331",
        c if c.starts_with("072") => "0332",
        c if c.starts_with("073") => "0333",
        c if c.starts_with("074") => "0334",
        c if c.starts_with("07") => "033",
        c if c.starts_with("081") => "0351",
        c if c.starts_with("084") => "0353",
        c if c.starts_with("085") => "0354",
        c if c.starts_with("086") => "0355",
        c if c.starts_with("087") => "0356",
        c if c.starts_with("08") => "035",
        _ => return None,
    })
}

/// The CAMEO 12 "reject" code of a cooperative act (roots 03, 04, 06-08)
/// that its actor announces it will not do. Verbal support (root 05) is
/// left out: `will not stand idly by` is no rejection.
pub(crate) fn reject_code(code: &str) -> Option<&'static str> {
    Some(match code {
        c if c.starts_with("04") => "125",
        c if c.starts_with("061") => "1211",
        c if c.starts_with("06") => "121",
        c if c.starts_with("07") => "122",
        c if c.starts_with("0813") || c.starts_with("0814") => "1241",
        c if c.starts_with("083") => "123",
        c if c.starts_with("084") => "1243",
        c if c.starts_with("087") => "1246",
        c if c.starts_with("08") => "124",
        c if c.starts_with("03") => "120",
        _ => return None,
    })
}
