//! Unit tables for each resolution rule, on sentences we wrote about real
//! public people and events.

use std::sync::OnceLock;

use dyads_lexicon::{Date, Lexicon};
use dyads_syntax::Pipeline;
use dyads_text::{clean_text, Document};

use super::{resolve, ActorSource, DocActor, DocActors, MentionKind};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn pipeline() -> Result<&'static Pipeline, String> {
    static P: OnceLock<Result<Pipeline, String>> = OnceLock::new();
    P.get_or_init(|| Pipeline::load().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(Clone::clone)
}

fn document(text: &str) -> Result<Document, String> {
    clean_text("t.txt", text).map_err(|e| e.to_string())
}

fn run(text: &str, date: &str) -> Result<(Document, DocActors), Box<dyn std::error::Error>> {
    let doc = document(text)?;
    let parsed = pipeline()?.annotate(&doc);
    let actors = resolve(&doc, &parsed, Lexicon::builtin()?, Date::parse(date));
    Ok((doc, actors))
}

/// The actor of the `nth` occurrence (0-based) of `surface` as a mention.
fn actor_at<'a>(
    doc: &Document,
    a: &'a DocActors,
    surface: &str,
    nth: usize,
) -> Option<&'a DocActor> {
    let start = doc.text.match_indices(surface).nth(nth)?.0;
    let m = a.mentions.iter().find(|m| {
        m.span.start as usize >= start && (m.span.end as usize) <= start + surface.len()
    })?;
    a.actors.get(m.actor)
}

fn id_at(doc: &Document, a: &DocActors, surface: &str, nth: usize) -> String {
    actor_at(doc, a, surface, nth)
        .map(|x| x.id.clone())
        .unwrap_or_else(|| "-".into())
}

/// (text, date, surface, occurrence, expected actor id or `-`)
const TABLE: &[(&str, &str, &str, usize, &str)] = &[
    // names, aliases, variants
    ("North Korean Foreign Minister Choe Son Hui met Sergei Lavrov.", "2024-01-16", "Choe Son Hui", 0, "choe-son-hui"),
    ("North Korean Foreign Minister Choe Son Hui met Sergei Lavrov.", "2024-01-16", "Sergei Lavrov", 0, "lavrov-sergey"),
    ("North Korean Foreign Minister Choe Son Hui met Sergei Lavrov.", "2024-01-16", "North Korean", 0, "PRK"),
    ("The UN Security Council met on Friday.", "2024-01-16", "UN Security Council", 0, "unsc"),
    // metonyms and capitals: the government unless a place
    ("The Kremlin said it welcomed the visit.", "2024-01-16", "Kremlin", 0, "kremlin"),
    ("Pyongyang rejected the proposal.", "2024-01-16", "Pyongyang", 0, "PRK"),
    ("Choe Son Hui held talks in Moscow.", "2024-01-16", "Moscow", 0, "place:moscow"),
    // weak aliases: the state only when the document places something in it
    ("Jordan closed its border crossing after protests in Amman.", "2024-01-16", "Jordan", 0, "JOR"),
    ("Jordan scored twenty points in the final game.", "2024-01-16", "Jordan", 0, "-"),
    // ... or when it stands in a list next to a state's name
    ("Qatar, Jordan, Egypt and Turkey condemned the strikes.", "2025-07-17", "Jordan", 0, "JOR"),
    ("Jordan and Egypt condemned the strikes.", "2025-07-17", "Jordan", 0, "JOR"),
    // a family name of several people in office: the head of state
    ("Putin apologised to Aliyev for the crash.", "2024-12-29", "Aliyev", 0, "aliyev-ilham"),
    // one title and name, two kings: the country named or the date decides
    ("King Abdullah of Jordan met the Egyptian president in Amman.", "2024-01-16", "King Abdullah", 0, "abdullah-ii"),
    ("King Abdullah received the US envoy in Riyadh.", "2010-03-01", "King Abdullah", 0, "abdullah-bin-abdulaziz"),
    ("King Abdullah received the US envoy in Amman.", "2024-01-16", "King Abdullah", 0, "abdullah-ii"),
    // demonyms
    ("Russian officials declined to comment.", "2024-01-16", "Russian", 0, "RUS"),
    // family names alone
    ("Sergei Lavrov met reporters. Lavrov said the talks went well.", "2024-01-16", "Lavrov", 1, "lavrov-sergey"),
    ("Putin spoke on Tuesday.", "2024-01-16", "Putin", 0, "putin-vladimir"),
    // unknown people from context, and their later mentions
    ("Russian Deputy Foreign Minister Mikhail Galuzin met the ambassador. Galuzin said the visit was useful.", "2024-01-16", "Mikhail Galuzin", 0, "ctx:mikhail-galuzin"),
    ("Russian Deputy Foreign Minister Mikhail Galuzin met the ambassador. Galuzin said the visit was useful.", "2024-01-16", "Galuzin", 1, "ctx:mikhail-galuzin"),
    ("Russian Deputy Foreign Minister Mikhail Galuzin arrived on Monday. The deputy minister said the visit was useful.", "2024-01-16", "deputy minister", 0, "ctx:mikhail-galuzin"),
    ("Kim In-ae, a deputy spokeswoman for South Korea's Unification Ministry, said talks should resume.", "2024-01-16", "Kim In-ae", 0, "ctx:kim-in-ae"),
    ("Hong Min, a senior researcher with the Korea Institute for National Unification, said the launch mattered.", "2024-01-16", "Hong Min", 0, "ctx:hong-min"),
    ("Ambassador Extraordinary and Plenipotentiary to Russia Pak Sung Ho met the press.", "2024-01-16", "Pak Sung Ho", 0, "ctx:pak-sung-ho"),
    ("He met the Minister of External Economic Relations, Ri Ryong Nam, in Moscow.", "2024-01-16", "Ri Ryong Nam", 0, "ctx:ri-ryong-nam"),
    ("V.V. Putin and Kim Jong Un met. Vladimir Putin spoke first.", "2024-01-16", "V.V. Putin", 0, "putin-vladimir"),
    // role nominals
    ("The Russian leader praised the agreement.", "2024-01-16", "leader", 0, "putin-vladimir"),
    ("Yoon Suk Yeol spoke in Seoul. The South Korean president said the alliance was strong.", "2023-09-14", "president", 0, "yoon-suk-yeol"),
    ("Choe Son Hui arrived on Monday. The minister laid a wreath.", "2024-01-16", "minister", 0, "choe-son-hui"),
    ("Officials met on Monday. The minister laid a wreath.", "2024-01-16", "minister", 0, "-"),
    // pronouns in subject and object position
    ("Sergei Lavrov met reporters. He said the talks went well.", "2024-01-16", "He", 0, "lavrov-sergey"),
    ("Choe Son Hui met reporters. He said the talks went well.", "2024-01-16", "He", 0, "-"),
    ("Choe Son Hui arrived on Monday. Reporters asked her about the trip.", "2024-01-16", "her", 0, "choe-son-hui"),
    ("Talks between Sergei Lavrov and Antony Blinken ended. He said the talks went well.", "2024-01-16", "He", 0, "-"),
    // an object pronoun is not its own clause's subject, and takes the
    // other person of its sentence before an earlier one
    ("Sergei Lavrov arrived in Geneva. Antony Blinken met Wang Yi and urged him to curb exports.", "2024-04-26", "him", 0, "wang-yi"),
    ("Antony Blinken spoke to Wang Yi by phone and called on him to act.", "2024-04-26", "him", 0, "wang-yi"),
    // ambiguity kept as ambiguity
    ("Congo signed the agreement.", "2024-01-16", "Congo", 0, "-"),
    // a capital that receives, or hosts a mission, is the state
    ("Washington kept supplying huge quantities of arms to Kiev in 2023.", "2023-10-01", "Kiev", 0, "UKR"),
    ("The Russian embassy in Seoul protested on Friday.", "2023-09-22", "Seoul", 0, "KOR"),
    ("Lavrov flew to Pyongyang in October 2023.", "2023-10-19", "Pyongyang", 0, "place:pyongyang"),
    // lexicon groupings
    ("Lavrov criticised the North Atlantic Alliance on Tuesday.", "2024-01-16", "North Atlantic Alliance", 0, "nato"),
    ("The West has imposed sanctions on Russia since 2014.", "2024-01-16", "The West", 0, "west"),
    ("Ships sailed through the South China Sea.", "2024-01-16", "South", 0, "-"),
    // organisations named on a head noun
    ("Diplomats briefed the UN Sanctions Committee on Monday.", "2023-09-14", "UN Sanctions Committee", 0, "ctx:un-sanctions-committee"),
    ("The Bolshoi Theatre toured China in 2019.", "2019-05-01", "Bolshoi Theatre", 0, "ctx:bolshoi-theatre"),
    ("The Russian-Chinese Intergovernmental Commission on Investment Cooperation met in Beijing. The intergovernmental commission approved new projects.", "2023-11-01", "intergovernmental commission", 0, "ctx:russian-chinese-intergovernmental-commission-on-investment-cooperation"),
    ("Pyotr Ilyichev heads the Department of International Organizations at the Russian Foreign Ministry.", "2023-09-20", "Department", 0, "-"),
    // group nominals owned by a state, and the definite ones after them
    ("A North Korean delegation arrived in Moscow on Monday. The delegation visited Red Square.", "2024-01-15", "delegation", 1, "ctx:delegation-prk"),
    ("Members of the DPRK government delegation laid a wreath.", "2024-01-15", "delegation", 0, "ctx:delegation-prk"),
    ("A delegation from Vietnam arrived in Seoul.", "2024-01-15", "delegation", 0, "ctx:delegation-vnm"),
    ("A Chinese delegation met officials. The delegation left, and a Japanese delegation arrived.", "2024-01-15", "delegation", 1, "-"),
    ("Russia sent a delegation to the talks.", "2024-01-15", "delegation", 0, "-"),
    ("The Russian embassy in Seoul protested. The embassy called the claims baseless.", "2023-09-22", "embassy", 1, "ctx:embassy-rus-seoul"),
    ("A spokesman for the ROK's reunification ministry said talks should resume.", "2024-01-18", "ministry", 0, "kor-unification"),
    ("A lawmaker in South Korea's parliament asked about arms for Ukraine.", "2023-09-20", "parliament", 0, "kor-assembly"),
    ("The South Korean presidential administration issued a statement.", "2023-09-12", "presidential administration", 0, "kor-presidential-office"),
    ("A representative of the DPRK's Ministry of Transport attended.", "2024-01-17", "Ministry of Transport", 0, "ctx:dprk-ministry-of-transport"),
    // role nominals and names told apart by context
    ("Park Jin spoke at the UN Security Council. The South Korean representative then left the room.", "2023-09-20", "representative", 0, "park-jin"),
    ("The state visit by the leader of the DPRK to Russia drew attention.", "2023-10-22", "leader", 0, "kim-jong-un"),
    ("Diplomats from all UN member states attended the session.", "2023-09-22", "UN", 0, "-"),
    ("He met the DPRK Minister of Culture Seung Jong Gyu in Moscow.", "2023-11-16", "Seung Jong Gyu", 0, "ctx:seung-jong-gyu"),
    ("Hyun Seung-soo, a senior researcher with the Korea Institute for National Unification, spoke. Hyun Seung-soo, who is prone to overreaching, added more.", "2024-01-20", "Hyun Seung-soo", 1, "ctx:hyun-seung-soo"),
    // places
    ("Putin and Kim met at the Vostochny Cosmodrome in September 2023.", "2023-09-14", "Vostochny Cosmodrome", 0, "place:vostochny-cosmodrome"),
    ("Tensions rose on the Korean Peninsula. Peace on the Korean peninsula matters.", "2024-01-16", "Korean peninsula", 0, "place:korean-peninsula"),
    ("Lavrov discussed security in Northeast Asia.", "2024-01-16", "Northeast Asia", 0, "place:northeast-asia"),
    ("Kim Il Guk attended a sports forum in Perm in October 2023.", "2023-10-20", "Perm", 0, "place:perm"),
    ("Park Jin met the press. Tourists visited Gorky Park.", "2023-09-20", "Gorky Park", 0, "place:gorky-park"),
];

#[test]
fn resolution_table() -> TestResult {
    let mut failures = Vec::new();
    for &(text, date, surface, nth, want) in TABLE {
        let (doc, actors) = run(text, date)?;
        let got = id_at(&doc, &actors, surface, nth);
        if got != want {
            failures.push(format!("{text:?} / {surface:?}: got {got}, want {want}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    Ok(())
}

#[test]
fn inferred_people_carry_country_sector_and_role() -> TestResult {
    // (text, name, country, sector)
    let table = [
        ("Russian Deputy Foreign Minister Mikhail Galuzin met the ambassador.", "Mikhail Galuzin", Some("RUS"), Some("GOV")),
        ("Kim In-ae, a deputy spokeswoman for South Korea's Unification Ministry, said talks should resume.", "Kim In-ae", Some("KOR"), Some("GOV")),
        ("Hong Min, a senior researcher with the Korea Institute for National Unification, said the launch mattered.", "Hong Min", Some("KOR"), Some("EDU")),
        // A country with its own title belongs to that title, even behind a
        // modifier (`China's acting ambassador`), and is no other
        // official's.
        ("TOKYO, Aug 26 (TDI) - Vice Foreign Minister Masataka Okano told China's acting ambassador, Shi Yong, that the flights must stop.", "Shi Yong", Some("CHN"), Some("GOV")),
        ("TOKYO, Aug 26 (TDI) - Vice Foreign Minister Masataka Okano told China's acting ambassador, Shi Yong, that the flights must stop.", "Masataka Okano", Some("JPN"), Some("GOV")),
        ("Vice Foreign Minister Masataka Okano told China's acting ambassador that the flights were unacceptable.", "Masataka Okano", None, Some("GOV")),
        // The country the sentence names before the name wins over the
        // dateline; so does one after the name but before its verb; a
        // country the official acts on (after a verb) is not the
        // official's, so the dateline's holds.
        ("WASHINGTON, March 7 (TDI) - Sweden joined NATO on Thursday, when Prime Minister Ulf Kristersson handed over the documents.", "Ulf Kristersson", Some("SWE"), Some("GOV")),
        ("TOKYO, Aug 26 (TDI) - Vice Foreign Minister Masataka Okano demanded that Beijing stop the flights.", "Masataka Okano", Some("JPN"), Some("GOV")),
        ("TOKYO, Aug 26 (TDI) - Vice Foreign Minister Masataka Okano, who met Chinese officials last week, said the flights must stop.", "Masataka Okano", Some("JPN"), Some("GOV")),
        ("TOKYO, Aug 26 (TDI) - Assistant Foreign Minister Nong Rong of China said the flights would go on.", "Nong Rong", Some("CHN"), Some("GOV")),
        // A country right before the title, past capitalised words, is the
        // official's; a country that acts on the official (the subject of
        // the verb the name depends on) is not.
        ("BEIJING, April 7 (TDI) - China imposed sanctions on two U.S. groups after U.S. House Speaker Kevin McCarthy met Taiwan's president.", "Kevin McCarthy", Some("USA"), Some("LEG")),
        ("China imposed sanctions on Deputy Minister Agne Vaiciukeviciute in August 2022.", "Agne Vaiciukeviciute", None, Some("GOV")),
        // A demonym and nouns before the title (`a former Iranian prison
        // official`) give the country, over the dateline's.
        ("STOCKHOLM, June 15 (TDI) - Iran freed two Swedes on Saturday in exchange for Hamid Nouri, a former Iranian prison official serving a life sentence in Sweden.", "Hamid Nouri", Some("IRN"), Some("GOV")),
    ];
    for (text, name, country, sector) in table {
        let (doc, actors) = run(text, "2024-01-16")?;
        let a = actor_at(&doc, &actors, name, 0).ok_or(format!("{name}: no actor"))?;
        assert_eq!(a.source, ActorSource::Inferred, "{name}");
        assert_eq!(
            (a.country.as_deref(), a.sector.as_deref()),
            (country, sector),
            "{name}"
        );
        assert!(a.role.is_some(), "{name}: no role");
        assert_eq!(
            a.code,
            Some(format!("{}{}", country.unwrap_or(""), sector.unwrap_or("")))
        );
    }
    Ok(())
}

#[test]
fn roles_follow_the_document_date() -> TestResult {
    let text = "Donald Trump spoke at a rally.";
    // (date, sector, role starts with "former", code)
    let table = [
        ("2018-03-01", "GOV", false, "USAGOV"),
        ("2024-01-25", "ELI", true, "USAELI"),
    ];
    for (date, sector, former, code) in table {
        let (doc, actors) = run(text, date)?;
        let a = actor_at(&doc, &actors, "Donald Trump", 0).ok_or("no actor")?;
        assert_eq!(a.sector.as_deref(), Some(sector), "{date}");
        assert_eq!(
            a.role.as_deref().is_some_and(|r| r.starts_with("former")),
            former,
            "{date}"
        );
        assert_eq!(a.code.as_deref(), Some(code), "{date}");
    }
    // Without a date: no role.
    let doc = document(text)?;
    let actors = resolve(&doc, &pipeline()?.annotate(&doc), Lexicon::builtin()?, None);
    assert!(actors.actors.iter().all(|a| a.role.is_none()));
    Ok(())
}

#[test]
fn an_international_office_speaks_for_its_organisation() -> TestResult {
    // As German defence minister she is Germany's; as President of the
    // European Commission, the EU's, with no country.
    let text = "Ursula von der Leyen met farmers in Brussels.";
    // (date, country, code)
    let table = [
        ("2016-05-01", Some("DEU"), "DEUGOV"),
        ("2024-05-01", None, "IGOEUREEC"),
    ];
    for (date, country, code) in table {
        let (doc, actors) = run(text, date)?;
        let a = actor_at(&doc, &actors, "Ursula von der Leyen", 0).ok_or("no actor")?;
        assert_eq!(a.country.as_deref(), country, "{date}");
        assert_eq!(a.code.as_deref(), Some(code), "{date}");
    }
    Ok(())
}

#[test]
fn codes_and_kinds() -> TestResult {
    let (doc, actors) = run(
        "The UN Security Council and Russia discussed KCNA reports.",
        "2024-01-16",
    )?;
    let table = [
        ("UN Security Council", "organization", "IGOUNO"),
        ("Russia", "state", "RUS"),
        ("KCNA", "organization", "PRKMED"),
    ];
    for (surface, kind, code) in table {
        let a = actor_at(&doc, &actors, surface, 0).ok_or(surface)?;
        assert_eq!((a.kind, a.code.as_deref()), (kind, Some(code)), "{surface}");
    }
    Ok(())
}

#[test]
fn ambiguity_is_kept() -> TestResult {
    let (_, actors) = run("Congo signed the agreement.", "2024-01-16")?;
    let amb = actors.ambiguous.first().ok_or("no ambiguous mention")?;
    assert!(amb.candidates.contains(&"COD".to_string()));
    assert!(amb.candidates.contains(&"COG".to_string()));
    // Context settles it: the other Congo's capital is named.
    let (doc, actors) = run("Kinshasa and Congo signed the agreement.", "2024-01-16")?;
    assert_eq!(id_at(&doc, &actors, "Congo", 0), "COD");
    Ok(())
}

#[test]
fn mentions_are_sorted_and_in_their_actor() -> TestResult {
    let text = "Sergei Lavrov met Choe Son Hui in Moscow. He said the talks went well. The minister thanked Lavrov.";
    let (doc, actors) = run(text, "2024-01-16")?;
    assert!(actors
        .mentions
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start));
    for m in &actors.mentions {
        let a = &actors.actors[m.actor];
        assert!(a.mentions.contains(&m.span));
        assert!(doc.text.is_char_boundary(m.span.start as usize));
    }
    let kinds: Vec<MentionKind> = actors.mentions.iter().map(|m| m.kind).collect();
    assert!(kinds.contains(&MentionKind::Surname), "{kinds:?}");
    Ok(())
}

#[test]
fn government_bodies_after_a_state() -> TestResult {
    let text = "Russia's Ministry of Natural Resources and South Korea's Foreign Ministry issued statements.";
    let (doc, actors) = run(text, "2024-01-16")?;
    let a = actor_at(&doc, &actors, "Ministry of Natural Resources", 0)
        .ok_or(format!("no ministry: {actors:?}"))?;
    assert_eq!(
        (a.kind, a.country.as_deref(), a.source),
        ("organization", Some("RUS"), ActorSource::Inferred)
    );
    assert_eq!(id_at(&doc, &actors, "Foreign Ministry", 0), "kor-mofa");
    Ok(())
}

/// The longer forms an actor collects: titles with their complements, a
/// state with a possessive, ordinals and generic nouns around an
/// organisation, groups with `members of`.
#[test]
fn surface_forms_carry_context() -> TestResult {
    // (text, date, actor id, expected form)
    let table = [
        ("Russian Ambassador to Washington Anatoly Antonov said the talks failed.", "2023-09-20", "antonov-anatoly", "Russian Ambassador to Washington Anatoly Antonov"),
        ("On Tuesday, President of the Russian Federation Vladimir Putin met Choe Son Hui.", "2024-01-16", "putin-vladimir", "President of the Russian Federation Vladimir Putin"),
        ("Peskov said North Korea's Choe Son Hui had briefed Putin.", "2024-01-16", "choe-son-hui", "North Korea's Choe Son Hui"),
        ("Vladimir Putin arrived. Later President Putin spoke.", "2024-01-16", "putin-vladimir", "President Putin"),
        ("Yoon Suk Yeol spoke at the 78th UN General Assembly in New York.", "2023-09-20", "unga", "78th UN General Assembly"),
        ("Foreign ministers from the Quad forum met in New York.", "2023-09-22", "quad", "the Quad forum"),
        ("Members of the DPRK government delegation laid a wreath.", "2024-01-15", "ctx:delegation-prk", "Members of the DPRK government delegation"),
        ("The DPRK delegation left. Kim thanked the delegation members.", "2023-09-20", "ctx:delegation-prk", "the delegation members"),
        ("Kim and Putin toured the Vostochny Space Launch Centre, a Russian spaceport, in 2023.", "2023-09-14", "place:vostochny-space-launch-centre", "a Russian spaceport"),
        ("According to the Russian presidential press secretary Dmitry Peskov, the talks went well.", "2024-01-16", "peskov-dmitry", "Russian presidential press secretary Dmitry Peskov"),
        ("The Kremlin described the North Korean country as its closest neighbour.", "2024-01-15", "PRK", "the North Korean country"),
        ("Yoon Suk Yeol spoke on Monday. Critics said the president himself was to blame.", "2023-09-25", "yoon-suk-yeol", "the president himself"),
        ("A meeting of the intergovernmental commission on economic and trade cooperation between Russia and North Korea will be held in Pyongyang.", "2023-09-29", "ctx:intergovernmental-commission", "the intergovernmental commission on economic and trade cooperation between Russia and North Korea"),
    ];
    let mut failures = Vec::new();
    for (text, date, id, form) in table {
        let (_, actors) = run(text, date)?;
        let forms = actors
            .actors
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.surface_forms.clone());
        if !forms.as_ref().is_some_and(|f| f.iter().any(|x| x == form)) {
            failures.push(format!("{text:?}: {id} has {forms:?}, want {form:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    Ok(())
}

/// Country and sector of organisations and places inferred from context.
#[test]
fn inferred_groups_and_places_carry_country_and_sector() -> TestResult {
    // (text, date, actor id, country, sector)
    let table = [
        ("Diplomats briefed the UN Sanctions Committee on Monday.", "2023-09-14", "ctx:un-sanctions-committee", None, Some("IGO")),
        ("The Russian-Chinese Intergovernmental Commission on Investment Cooperation met.", "2023-11-01", "ctx:russian-chinese-intergovernmental-commission-on-investment-cooperation", None, Some("GOV")),
        ("The intergovernmental commission on trade between Russia and North Korea met in Pyongyang.", "2023-11-15", "ctx:intergovernmental-commission", None, Some("GOV")),
        ("The Bolshoi Theatre toured China in 2019.", "2019-05-01", "ctx:bolshoi-theatre", None, Some("CVL")),
        ("A North Korean military delegation arrived in Moscow.", "2024-01-15", "ctx:delegation-prk", Some("PRK"), Some("MIL")),
        ("The Russian embassy in Seoul protested on Friday.", "2023-09-22", "ctx:embassy-rus-seoul", Some("RUS"), Some("GOV")),
        ("The Kremlin said Russia was ready.", "2024-01-16", "kremlin", Some("RUS"), Some("GOV")),
        ("The Tomb of the Unknown Soldier near the Kremlin Wall drew crowds.", "2024-01-15", "place:tomb-of-the-unknown-soldier", Some("RUS"), None),
        ("Kim and Putin toured the Vostochny Space Launch Centre, a Russian spaceport, in 2023.", "2023-09-14", "place:vostochny-space-launch-centre", Some("RUS"), None),
        ("Tensions rose on the Korean Peninsula.", "2024-01-16", "place:korean-peninsula", None, None),
        ("Flowers were placed by the delegation at the Tomb of the Unknown Soldier near the Kremlin Wall. Then it visited Zaryadye Park.", "2024-01-15", "place:zaryadye-park", Some("RUS"), None),
        ("The minister of culture attended a festival in St. Petersburg, Russia's second city.", "2023-11-16", "place:st-petersburg", Some("RUS"), None),
        ("The talks were attended by members of the North Korean delegation, including Deputy Foreign Minister Pak Myong Ho.", "2024-01-16", "ctx:pak-myong-ho", Some("PRK"), Some("GOV")),
    ];
    let mut failures = Vec::new();
    for (text, date, id, country, sector) in table {
        let (_, actors) = run(text, date)?;
        let got = actors
            .actors
            .iter()
            .find(|a| a.id == id)
            .map(|a| (a.country.as_deref(), a.sector.as_deref()));
        if got != Some((country, sector)) {
            let ids: Vec<&str> = actors.actors.iter().map(|a| a.id.as_str()).collect();
            failures.push(format!(
                "{text:?}: {id} is {got:?}, want {:?}; actors {ids:?}",
                (country, sector)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    Ok(())
}

/// The outlet named in a dateline is a media actor when the lexicon does
/// not know it.
#[test]
fn outlet_in_the_dateline() -> TestResult {
    let text = "Moscow, 17 January 2024 (TDI): Choe Son Hui arrived in Moscow on Monday.\n\nShe met Sergei Lavrov.\n";
    let (doc, actors) = run(text, "2024-01-17")?;
    if doc.meta.outlet.as_deref() != Some("TDI") {
        // The cleaner did not read the dateline: nothing to check here.
        return Ok(());
    }
    let a = actors
        .actors
        .iter()
        .find(|a| a.canonical == "TDI")
        .ok_or("no TDI")?;
    assert_eq!(
        (a.kind, a.country.as_deref(), a.sector.as_deref()),
        ("organization", None, Some("MED"))
    );
    Ok(())
}

/// A business group takes only the country its own phrase names: where the
/// story happens says nothing of a company's nationality.
#[test]
fn business_groups_keep_their_own_country() -> TestResult {
    let text = "SANAA, Jan 12 (TDI) - Houthi forces fired drones at ships in the Red Sea, forcing shipping companies to reroute. Chinese firms kept sailing through the strait.\n";
    let (doc, actors) = run(text, "2024-01-12")?;
    let country_of = |word: &str| -> Option<Option<String>> {
        actors
            .groups
            .iter()
            .find(|g| doc.slice(g.span).ends_with(word) && g.sector == "BUS")
            .map(|g| g.country.clone())
    };
    let companies = country_of("companies").ok_or("no group for the companies")?;
    assert_eq!(
        companies, None,
        "shipping companies took the dateline's country"
    );
    let firms = country_of("firms").ok_or("no group for the firms")?;
    assert_eq!(firms.as_deref(), Some("CHN"));
    // The rule is for businesses only: protesters still take the place.
    let (_, actors) = run(
        "SANAA, Jan 12 (TDI) - Protesters marched through the capital.\n",
        "2024-01-12",
    )?;
    let protesters = actors
        .groups
        .iter()
        .find(|g| g.term.contains("protester"))
        .ok_or("no group for the protesters")?;
    assert_eq!(protesters.country.as_deref(), Some("YEM"));
    Ok(())
}

#[test]
fn bloc_groups_take_no_country_from_the_story() -> TestResult {
    // (sentence, group word, country)
    let table = [
        (
            "MOSCOW, Feb 20 (TDI) - The Kremlin dismissed the claims of Western leaders.\n",
            "leaders",
            None,
        ),
        (
            "MOSCOW, Feb 20 (TDI) - Foreign diplomats laid flowers outside the embassy.\n",
            "diplomats",
            None,
        ),
        (
            "MOSCOW, Feb 20 (TDI) - Local officials laid flowers outside the embassy.\n",
            "officials",
            Some("RUS"),
        ),
        (
            "MOSCOW, Feb 20 (TDI) - The minister warned of hostile troops near the border.\n",
            "troops",
            None,
        ),
    ];
    for (text, word, country) in table {
        let (doc, actors) = run(text, "2024-02-20")?;
        let g = actors
            .groups
            .iter()
            .find(|g| doc.slice(g.span).ends_with(word))
            .ok_or(format!("no group for {word}"))?;
        assert_eq!(g.country.as_deref(), country, "{text}");
    }
    // `opposition to X` is an act, no group at all.
    let (doc, actors) = run(
        "KYIV, Feb 20 (TDI) - The minister thanked Poland for its opposition to the plan.\n",
        "2024-02-20",
    )?;
    assert!(!actors
        .groups
        .iter()
        .any(|g| doc.slice(g.span).ends_with("opposition")));
    Ok(())
}
