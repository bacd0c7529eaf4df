//! The `dyads` command-line tool: a thin front end over the dyads libraries.

mod actors;
mod code;
mod coding;
mod dates;
mod dict_export;
mod eval;
mod eval_dict;
mod events;
mod explain;
mod export;
mod import;
mod ingest;
mod inputs;
mod inspect;
mod parse;
mod records;
mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// dyads: who did what to whom, when and where, from news articles.
#[derive(Parser, Debug)]
#[command(name = "dyads", version, about, long_about = None)]
struct Cli {
    /// SQLite database file (created if missing).
    #[arg(long, global = true, default_value = "dyads.db", env = "DYADS_DB")]
    db: PathBuf,
    #[command(subcommand)]
    command: Command,
}

/// Period of a dyad series.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum PeriodArg {
    /// Calendar day.
    Day,
    /// Week, named by its Monday.
    Week,
    /// Calendar month.
    Month,
}

/// Input format, when it should not be detected from the name and content.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    /// Plain text pasted from a web page.
    Text,
    /// An HTML page.
    Html,
    /// JSON lines, one article per line.
    Jsonl,
    /// RSS 2.0 or Atom feed.
    Feed,
    /// WARC or WARC.gz.
    Warc,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Read articles, clean them and store them in the database.
    ///
    /// PATH may be a file, a directory (read recursively; only files ending
    /// in .txt, .text, .html, .htm, .xhtml, .jsonl, .ndjson, .json, .rss,
    /// .atom, .xml, .warc or .warc.gz are taken from directories), a glob pattern
    /// (quoted, e.g. 'news/*.html') or `-` for standard input. Formats are
    /// detected from the name and content: .txt plain text, .html pages,
    /// .jsonl JSON lines, .rss/.atom/.xml feeds, .warc/.warc.gz archives.
    /// Bad inputs are reported with file and place and skipped; the exit
    /// status is 1 when any input failed, 0 otherwise. Each stored document
    /// is then coded (parsed, actors resolved, events coded) and its actors
    /// and events stored (see `dyads events`), unless --no-code; documents
    /// already coded by this version of dyads are not coded again.
    Ingest {
        /// Files, directories, glob patterns, or `-` for stdin.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Force the input format instead of detecting it.
        #[arg(long, value_enum)]
        format: Option<FormatArg>,
        /// Largest input file in bytes; larger files are refused.
        #[arg(long, default_value_t = 64 << 20)]
        max_bytes: usize,
        /// Do not print one line per failed input.
        #[arg(long, short)]
        quiet: bool,
        /// Store documents only: do not code actors and events.
        #[arg(long)]
        no_code: bool,
    },
    /// Write the built-in actor lexicon as PETRARCH/TABARI dictionaries.
    ///
    /// Writes DIR/dyads.actors.txt (actors with dated codes: people carry
    /// the codes of their roles, e.g. RUSGOV while in office) and
    /// DIR/dyads.agents.txt (sector terms), then reads both back with the
    /// importer and prints their entry counts. Names that belong to several
    /// actors and weak aliases are left out (listed in comments), since the
    /// format cannot say "ambiguous".
    DictExport {
        /// Output directory (created if missing).
        dir: PathBuf,
    },
    /// List event records: the stored mentions merged across sources.
    ///
    /// A record is one real-world event however many articles report it;
    /// `dyads record ID` shows its mentions. Records are made at ingest
    /// (and by `dyads merge`).
    Records {
        /// One JSON object per record.
        #[arg(long)]
        json: bool,
        /// Only records whose source or target is this country (alpha-3)
        /// or name.
        #[arg(long)]
        actor: Option<String>,
        /// Only records dated on or after this day (YYYY-MM-DD).
        #[arg(long)]
        since: Option<String>,
        /// Only records dated on or before this day (or month, year).
        #[arg(long)]
        until: Option<String>,
        /// Only asserted (and historical) records.
        #[arg(long)]
        facts: bool,
    },
    /// Show one event record: every mention with its source's sentence,
    /// why it joined the record, and where the sources contradict each other.
    Record {
        /// Record id (see `dyads records`).
        id: i64,
        /// As one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// List stories: records and documents about one happening (a visit
    /// with its meetings), newest first.
    Stories {
        /// One JSON object per story (with its timeline).
        #[arg(long)]
        json: bool,
    },
    /// Show one story: title, dates, participants, documents and its
    /// timeline of records.
    Story {
        /// Story id (see `dyads stories`).
        id: i64,
        /// As one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Merge new event mentions into records (ingest does this itself).
    Merge {
        /// Re-cluster every record from scratch.
        #[arg(long)]
        rebuild: bool,
    },
    /// Split mentions out of a record; the split survives re-ingest.
    Split {
        /// Record id.
        record: i64,
        /// Mention ids to take out (they stay together).
        #[arg(required = true)]
        events: Vec<i64>,
    },
    /// List records whose sources disagree on the date, the place, the
    /// participants or a number, with each source's value and words.
    Contradictions {
        /// One JSON object per contradiction.
        #[arg(long)]
        json: bool,
    },
    /// Dyad series: records between A and B (either direction) per period
    /// and PLOVER type, with counts and Goldstein sum and mean; asserted
    /// and historical records only unless --all.
    Dyad {
        /// First actor: country (alpha-3) or name.
        a: String,
        /// Second actor.
        b: String,
        /// Period.
        #[arg(long, value_enum, default_value_t = PeriodArg::Month)]
        by: PeriodArg,
        /// Count every modality, not only facts.
        #[arg(long)]
        all: bool,
        /// JSON lines.
        #[arg(long)]
        json: bool,
        /// CSV with a header.
        #[arg(long, conflicts_with = "json")]
        csv: bool,
    },
    /// One actor's records, oldest first: a country (alpha-3) or a name.
    Timeline {
        /// The actor.
        actor: String,
        /// One JSON object per record.
        #[arg(long)]
        json: bool,
    },
    /// The actor network: directed edges between countries (or names),
    /// weighted by cooperative and conflictual records.
    Network {
        /// JSON lines.
        #[arg(long)]
        json: bool,
        /// Graphviz DOT.
        #[arg(long, conflicts_with = "json")]
        dot: bool,
        /// Count every modality, not only facts.
        #[arg(long)]
        all: bool,
    },
    /// Explain one stored event: its sentence with the evidence marked,
    /// codes, modality, date, actors, place, the lexicon entry (rule)
    /// that fired with its example sentence, and the record it was merged
    /// into with why it joined.
    Explain {
        /// Event id (see `dyads events`).
        id: i64,
    },
    /// List stored events (coded at ingest time).
    ///
    /// One line per event mention: id, document, sentence, date, CAMEO and
    /// PLOVER codes, source and target (country or code), modality and the
    /// rule that fired. With --json, one JSON object per event: the coder's
    /// event object with `id` (the stored mention id) and `doc_id` (the
    /// document id).
    Events {
        /// One JSON object per event.
        #[arg(long)]
        json: bool,
        /// Only this document.
        #[arg(long)]
        doc: Option<i64>,
        /// Only this modality (asserted, future, hypothetical, negated,
        /// claimed, historical).
        #[arg(long)]
        modality: Option<String>,
        /// Only events with this country (ISO alpha-3) as source or target.
        #[arg(long)]
        country: Option<String>,
        /// Only events dated on or after this date (YYYY[-MM[-DD]]).
        #[arg(long)]
        since: Option<String>,
        /// Only events dated on or before this date (YYYY[-MM[-DD]]).
        #[arg(long)]
        until: Option<String>,
    },
    /// Tag, lemmatize, parse and find entities; print CoNLL-U.
    ///
    /// By default PATHs hold articles in any format `dyads ingest` reads,
    /// cleaned the same way; each article starts with `# newdoc id`, each
    /// sentence has `# sent_id` and `# text`, and MISC holds
    /// `TokenRange=start:end` (byte offsets into the article's clean text),
    /// `SpaceAfter=No` and `NER=B-PER`/`I-ORG`/... for tokens in an entity.
    /// With --plain the input is plain text taken as it is and streamed
    /// (offsets into the input). With --conllu a CoNLL-U file is re-parsed
    /// on its own words, and with --iob2 an IOB2 file is re-tagged, for
    /// `dyads eval`. Bad inputs are reported with file and place and
    /// skipped; the exit status is then 1.
    Parse {
        /// Files, directories, glob patterns, or `-` for stdin (default).
        paths: Vec<String>,
        /// Force the article format instead of detecting it.
        #[arg(long, value_enum, conflicts_with_all = ["plain", "conllu", "iob2"])]
        format: Option<FormatArg>,
        /// Plain text, not articles: no boilerplate removal, streamed.
        #[arg(long, conflicts_with_all = ["conllu", "iob2"])]
        plain: bool,
        /// Re-parse CoNLL-U on its gold words (prints CoNLL-U).
        #[arg(long, conflicts_with = "iob2")]
        conllu: bool,
        /// Re-tag IOB2 with predicted entities (prints IOB2).
        #[arg(long)]
        iob2: bool,
        /// Largest article input in bytes; larger ones are refused.
        #[arg(long, default_value_t = 64 << 20)]
        max_bytes: usize,
        /// Load models from this directory (see `cargo xtask train`).
        #[arg(long)]
        models: Option<PathBuf>,
        /// Do not print one line per failed input.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Find time expressions and print one JSON object per line.
    ///
    /// Each object has `start` and `end` (byte offsets), `text`, `type`
    /// (DATE, TIME, DURATION, SET), `value` (TIMEX3: `2024-01-16`,
    /// `2013-W11`, `P1M`, `XXXX-WI`, `PRESENT_REF`), `precision` (day,
    /// week, month, quarter, half, season, year, decade, century, time,
    /// interval, unknown), and `mod`, `end_value` and `reaches` (the day a
    /// duration such as "three days later" leads to) when present. Standard
    /// input and `.txt` files (or files without an extension) are plain
    /// text: offsets are into the input and --dct is required. Other files
    /// (or any input with --format) are articles, read and cleaned as
    /// `dyads ingest` does: offsets are into each article's clean text,
    /// each line has `doc`, and the DCT is --dct or else the article's
    /// publication date (an article with neither is reported and skipped,
    /// exit status 1).
    Dates {
        /// A file, or `-` for standard input.
        #[arg(default_value = "-")]
        input: String,
        /// Document creation time (publication date), YYYY-MM-DD.
        #[arg(long)]
        dct: Option<String>,
        /// Read the input as articles in this format.
        #[arg(long, value_enum)]
        format: Option<FormatArg>,
        /// Largest input in bytes.
        #[arg(long, default_value_t = 64 << 20)]
        max_bytes: usize,
    },
    /// Code events: articles in, one JSON object per event out (JSON lines).
    ///
    /// Stateless: no database. PATHs are read like `dyads ingest` reads them
    /// (default: stdin); for JSON lines the article `id` becomes `doc_id`.
    /// `--dict DIR` loads PETRARCH/TABARI actor and agent dictionaries for
    /// the actors; when a verb dictionary is among them (a name holding
    /// `verb`, or PETRARCH's `--- NAME [code] ---` blocks), events come from
    /// it (rule `dict: verb ... line N`), with modality, date and place from
    /// dyads. `--dict-over` keeps the built-in lexicons and adds the
    /// dictionaries' actors and events. Bad inputs are reported and skipped
    /// (exit 1).
    Code {
        /// Files, directories, glob patterns, or `-` for stdin (default).
        paths: Vec<String>,
        /// PETRARCH/TABARI dictionary file or directory (repeatable).
        #[arg(long = "dict")]
        dicts: Vec<PathBuf>,
        /// Layer the dictionaries over the built-in lexicons.
        #[arg(long)]
        dict_over: bool,
        /// Publication date (YYYY-MM-DD) for every article, overriding theirs.
        #[arg(long)]
        published: Option<String>,
        /// Largest input in bytes.
        #[arg(long, default_value_t = 64 << 20)]
        max_bytes: usize,
    },
    /// Score predictions against gold data.
    Eval {
        #[command(subcommand)]
        command: eval::EvalCommand,
    },
    /// List the actors of documents: people, states and organisations
    /// resolved to one actor each, with country, sector, role on the
    /// document's date, surface forms and mentions.
    ///
    /// With document ids (or nothing: every current document) reads the
    /// database; with files (anything that is not a number) reads, cleans
    /// and parses the articles without storing them.
    Actors {
        /// Document ids, or article files, directories, globs or `-`.
        targets: Vec<String>,
        /// One JSON object per actor per document.
        #[arg(long)]
        json: bool,
        /// PETRARCH/TABARI actor or agent dictionary (file or directory),
        /// layered over the built-in lexicon; repeatable.
        #[arg(long = "dict")]
        dicts: Vec<PathBuf>,
        /// Use the --dict dictionaries alone.
        #[arg(long)]
        dict_only: bool,
        /// Resolve roles on this date (YYYY-MM-DD) instead of each
        /// document's publication date.
        #[arg(long)]
        date: Option<String>,
    },
    /// List stored documents.
    Docs {
        /// One JSON object per document (with text and sentences).
        #[arg(long)]
        json: bool,
        /// Include superseded versions.
        #[arg(long)]
        all_versions: bool,
    },
    /// Show one document: metadata, clean text and sentences.
    Show {
        /// Document id (see `dyads docs`).
        id: i64,
        /// As one JSON object.
        #[arg(long)]
        json: bool,
        /// Also list tokens.
        #[arg(long)]
        tokens: bool,
    },
    /// Write a table (events, mentions, stories, actors, documents, plover)
    /// as CSV, JSON lines or Parquet; see the README's "Exports" section.
    Export(export::Args),
    /// Read `dyads export --format jsonl` files (documents, actors,
    /// mentions) back into the database, under their exported ids.
    Import(import::Args),
    /// Serve the JSON API and the web UI over the store (http://127.0.0.1:8080).
    Serve(serve::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest {
            paths,
            format,
            max_bytes,
            quiet,
            no_code,
        } => ingest::run(
            &cli.db,
            &paths,
            format.map(to_format),
            max_bytes,
            quiet,
            !no_code,
        ),
        Command::DictExport { dir } => dict_export::run(&dir),
        Command::Records {
            json,
            actor,
            since,
            until,
            facts,
        } => {
            let filter = dyads_store::RecordFilter {
                actor,
                since,
                until,
                facts_only: facts,
            };
            records::list(&cli.db, &filter, json, false).map(|_| ExitCode::SUCCESS)
        }
        Command::Record { id, json } => records::show(&cli.db, id, json).map(|_| ExitCode::SUCCESS),
        Command::Stories { json } => records::stories(&cli.db, json).map(|_| ExitCode::SUCCESS),
        Command::Story { id, json } => records::story(&cli.db, id, json).map(|_| ExitCode::SUCCESS),
        Command::Merge { rebuild } => records::merge(&cli.db, rebuild).map(|_| ExitCode::SUCCESS),
        Command::Split { record, events } => {
            records::split(&cli.db, record, &events).map(|_| ExitCode::SUCCESS)
        }
        Command::Contradictions { json } => {
            records::contradictions(&cli.db, json).map(|_| ExitCode::SUCCESS)
        }
        Command::Dyad {
            a,
            b,
            by,
            all,
            json,
            csv,
        } => {
            let format = match (json, csv) {
                (true, _) => records::SeriesFormat::Json,
                (_, true) => records::SeriesFormat::Csv,
                _ => records::SeriesFormat::Table,
            };
            let by = match by {
                PeriodArg::Day => dyads_store::Period::Day,
                PeriodArg::Week => dyads_store::Period::Week,
                PeriodArg::Month => dyads_store::Period::Month,
            };
            records::dyad(&cli.db, &a, &b, by, all, format).map(|_| ExitCode::SUCCESS)
        }
        Command::Timeline { actor, json } => {
            let filter = dyads_store::RecordFilter {
                actor: Some(actor),
                ..Default::default()
            };
            records::list(&cli.db, &filter, json, true).map(|_| ExitCode::SUCCESS)
        }
        Command::Network { json, dot, all } => {
            records::network(&cli.db, json, dot, all).map(|_| ExitCode::SUCCESS)
        }
        Command::Explain { id } => explain::run(&cli.db, id).map(|_| ExitCode::SUCCESS),
        Command::Events {
            json,
            doc,
            modality,
            country,
            since,
            until,
        } => {
            let filter = dyads_store::EventFilter {
                doc_id: doc,
                modality,
                country,
                since,
                until,
                all_versions: false,
            };
            events::run(&cli.db, &filter, json).map(|_| ExitCode::SUCCESS)
        }
        Command::Parse {
            paths,
            format,
            plain,
            conllu,
            iob2,
            max_bytes,
            models,
            quiet,
        } => {
            let mode = match (plain, conllu, iob2) {
                (true, _, _) => parse::Mode::Plain,
                (_, true, _) => parse::Mode::Conllu,
                (_, _, true) => parse::Mode::Iob2,
                _ => parse::Mode::Articles(format.map(to_format)),
            };
            let opts = parse::Options {
                mode,
                max_bytes,
                models,
                quiet,
            };
            parse::run(&paths, &opts)
        }
        Command::Dates {
            input,
            dct,
            format,
            max_bytes,
        } => dates::run(&dates::Options {
            input,
            dct,
            format: format.map(to_format),
            max_bytes,
        }),
        Command::Code {
            paths,
            dicts,
            dict_over,
            published,
            max_bytes,
        } => code::run(&code::Options {
            paths,
            dicts,
            dict_over,
            published,
            max_bytes,
        }),
        Command::Eval { command } => eval::run(command),
        Command::Actors {
            targets,
            json,
            dicts,
            dict_only,
            date,
        } => actors::run(
            &cli.db,
            &actors::Options {
                targets,
                json,
                dicts,
                dict_only,
                date,
            },
        ),
        Command::Docs { json, all_versions } => {
            inspect::docs(&cli.db, json, all_versions).map(|_| ExitCode::SUCCESS)
        }
        Command::Show { id, json, tokens } => {
            inspect::show(&cli.db, id, json, tokens).map(|_| ExitCode::SUCCESS)
        }
        Command::Export(args) => export::run(&cli.db, args),
        Command::Import(args) => import::run(&cli.db, args),
        Command::Serve(args) => serve::run(&cli.db, &args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn to_format(f: FormatArg) -> dyads_text::Format {
    use dyads_text::Format;
    match f {
        FormatArg::Text => Format::Text,
        FormatArg::Html => Format::Html,
        FormatArg::Jsonl => Format::Jsonl,
        FormatArg::Feed => Format::Feed,
        FormatArg::Warc => Format::Warc,
    }
}
