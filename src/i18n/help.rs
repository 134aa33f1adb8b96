//! `--help` in Swedish. The English is the clap definitions' own doc
//! comments (`cli.rs`); these are the same texts in Swedish, keyed by
//! command and argument id, applied by `localized` before parsing.

/// Headings and fixed words of clap's help page.
pub struct HelpWords {
    pub usage: &'static str,
    pub options: &'static str,
    pub arguments: &'static str,
    pub commands: &'static str,
    pub placeholder_options: &'static str,
    pub placeholder_command: &'static str,
    pub help: &'static str,
    pub version: &'static str,
}

pub const SV: HelpWords = HelpWords {
    usage: "Användning:",
    options: "Flaggor",
    arguments: "Argument",
    commands: "Kommandon",
    placeholder_options: "[FLAGGOR]",
    placeholder_command: "[KOMMANDO]",
    help: "Visa hjälpen",
    version: "Visa versionen",
};

/// A command's description (`""` is medel itself).
pub fn about(command: &str) -> Option<&'static str> {
    Some(match command {
        "" => {
            "Följ upp ett statsbidrag som fördelas till stadsdelar: fördelningar, användning per \
               fokusområde, oanvända medel och vad som ska betalas tillbaka.\n\n\
               Utan kommando öppnar medel helskärmsappen."
        }
        "demo" => {
            "Skriv exempeldatabasen (en stads bidrag 2017 mot våld i nära relationer) \
                   [fil som standard: demo.sqlite bredvid databasen]"
        }
        "status" => {
            "Visa var ett bidrag står: mottaget, fördelat, använt, att återbetala, varje \
                     mottagare och varje flagga"
        }
        "log" => "Visa ändringsloggen: varje ändring, när, vem, gammalt och nytt värde",
        "report" => "Skriv redovisningen av ett bidrag till nämnden och bidragsgivaren",
        "export" => {
            "Skriv allt, eller ett bidrag, som JSON (för att flytta data mellan databaser) \
                     eller som CSV för kalkylblad"
        }
        "import" => {
            "Läs in JSON-exporter, CSV-filer med belopp och ifyllda mallar (.xlsx); inget \
                     skrivs om inte alla filerna är giltiga"
        }
        "template" => {
            "Skriv en ifyllnadsmall (.xlsx) per mottagare av ett bidrag, som stadsdelarna \
                     redovisar i och skickar tillbaka till `medel import`"
        }
        "backup" => "Skriv en hel kopia av databasen, även medan appen är öppen",
        "grants" => "Visa bidragen, nyaste först, med deras belopp och tidsgränser",
        "reallocate" => "Flytta pengar mellan två mottagare av ett bidrag, enligt ett beslut",
        "repay" => "Registrera pengar som betalats tillbaka till bidragsgivaren",
        "completions" => "Skriv skriptet för komplettering i bash, zsh eller fish",
        "man" => "Skriv manualsidan (roff)",
        _ => return None,
    })
}

/// An argument's help: `command` as in `about`, `arg` its id.
pub fn arg(command: &str, arg: &str) -> Option<&'static str> {
    Some(match (command, arg) {
        (_, "db") => {
            "Databasfilen [standard: medel.sqlite i användarens datamapp; \
                      miljövariabeln MEDEL_DB]"
        }
        (_, "lang") => {
            "Utdatans språk: sv eller en [standard: från LC_ALL, LC_MESSAGES eller LANG]"
        }
        ("", "today") => {
            "Öppna appen som den här dagen i stället för i dag (för övning och för \
                          att se ett gammalt år som det stod)"
        }
        ("demo", "today") => {
            "Öppna appen som den här dagen, t.ex. 2018-03-01 för exemplet som \
                              det stod en månad innan redovisningen skulle in"
        }
        ("status", "today") => "Räkna som den här dagen i stället för i dag",
        ("report", "today") => "Skriv redovisningen som den här dagen i stället för i dag",
        ("demo", "force") => "Ersätt filen om den finns",
        ("backup", "force") => "Ersätt filen om den finns",
        ("status" | "report", "grant") => {
            "Bidraget: dess id, dess år eller en del av titeln [standard: det senaste öppna bidraget]"
        }
        ("status", "json") => "Skriv JSON för skript i stället för text",
        ("status", "check") => {
            "Avsluta med kod 1 när någon varning eller något fel står kvar (för cron)"
        }
        ("log", "grant") => "Bara ändringar i det här bidraget",
        ("log", "recipient") => {
            "Bara ändringar som rör den här mottagaren (efter namn, oavsett \
                                 versaler)"
        }
        ("log", "limit") => "Högst så här många ändringar, nyast först [standard: 200]",
        ("report", "format") => {
            "md (Markdown), txt (ren text) eller docx (Word, kräver -o) [standard: md]"
        }
        ("report" | "export", "output") => "Skriv till den här filen i stället för standard ut",
        ("export", "grant") => "Bara det här bidraget, med mottagarna som deltar i det",
        ("export", "all") => "Varje bidrag och mottagare (standard)",
        ("export", "format") => {
            "json: data med formatversion, belopp som \"577468.00\"; csv: en \
                                 rad per mottagare och fokusområde; xlsx: en arbetsbok att läsa \
                                 (kräver -o)"
        }
        ("export", "csv_style") => {
            "excel-sv: `;`, decimalkomma, BOM, CRLF (svenska Excel); plain: \
                                    `,`, decimalpunkt, LF [standard: excel-sv]"
        }
        ("export", "summary") => {
            "CSV: en rad per mottagare (fördelat, använt, oanvänt, status) i \
                                  stället för beloppsraderna"
        }
        ("import", "files") => {
            "JSON-exporter, CSV-filer med belopp (någon av stilarna) eller ifyllda mallar \
                                 (.xlsx), en eller flera"
        }
        ("template", "grant") => {
            "Bidraget: dess id, dess år eller en del av titeln [standard: det senaste öppna bidraget]"
        }
        ("template", "recipient") => "Bara den här mottagaren (efter namn); kan ges flera gånger",
        ("template", "output") => "Mappen mallarna skrivs i [standard: den aktuella mappen]",
        ("template", "reply_by") => {
            "Dagen stadsdelarna ombeds skicka tillbaka mallen [standard: bidragets \
                                     redovisningsdag]"
        }
        ("import", "today") => {
            "Importera som den här dagen i stället för i dag: en arbetsboks \
             redovisningsdatum får inte vara senare"
        }
        ("import", "dry_run") => "Visa vad som skulle ändras och skriv ingenting",
        ("import", "replace") => {
            "JSON: där filen och databasen skiljer sig om ett bidrag (samma \
                                  titel och år) eller en mottagare (samma namn), ta filens värden \
                                  i stället för att vägra; en arbetsbok: ta dess värden även där \
                                  de ändrats i medel efter att den skrevs"
        }
        ("backup", "file") => "Kopian som ska skrivas",
        ("status", "all") => "Varje öppet bidrag, ett efter ett",
        ("grants", "all") => "Även redovisade bidrag, inte bara de öppna",
        ("grants", "json") => "Skriv JSON för skript i stället för text",
        ("grants", "today") => "Räkna som på den här dagen i stället för i dag",
        ("reallocate" | "repay", "grant") => {
            "Bidraget: dess id, dess år eller en del av titeln [standard: det senaste \
                                                 öppna bidraget]"
        }
        ("reallocate", "from") => "Mottagaren pengarna tas från (efter namn)",
        ("reallocate", "to") => "Mottagaren pengarna går till (efter namn)",
        ("reallocate", "amount") => "Hur mycket, som man skriver det: 30000, \"30 000\", 30000,50",
        ("reallocate", "date") => "Dagen för flytten [standard: i dag]",
        ("reallocate", "decision") => "Beslutets diarienummer, till exempel nämndens",
        ("reallocate" | "repay", "note") => "En anteckning",
        ("repay", "amount") => "Hur mycket som betalades tillbaka",
        ("repay", "date") => "Dagen det betalades",
        ("repay", "reference") => "Faktura- eller OCR-numret det betalades mot",
        ("repay", "kind") => {
            "repayment: återbetalt av kommunen själv; clawback: återkrävt av \
                                  bidragsgivaren"
        }
        ("completions", "shell") => "bash, zsh eller fish",
        _ => return None,
    })
}

/// Placeholders in Swedish (`PATH` → `SÖKVÄG`).
pub fn value_name(name: &str) -> Option<&'static str> {
    Some(match name {
        "PATH" => "SÖKVÄG",
        "FILE" => "FIL",
        "NAME" => "NAMN",
        "YYYY-MM-DD" => "ÅÅÅÅ-MM-DD",
        "LANG" => "SPRÅK",
        "STYLE" => "STIL",
        "SHELL" => "SKAL",
        _ => return None,
    })
}

/// The command line with its help in Swedish: the same
/// definitions, their words replaced before parsing.
pub fn localized(command: clap::Command) -> clap::Command {
    use clap::{Arg, ArgAction};
    let w = &SV;
    let root = localize_one(command, "")
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(w.version)
                .help_heading(w.options),
        )
        .override_usage(format!(
            "medel {} {}",
            w.placeholder_options, w.placeholder_command
        ));
    let names: Vec<String> = root
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    names.iter().fold(root, |root, name| {
        root.mut_subcommand(name, |sub| localize_one(sub, name))
    })
}

fn localize_one(command: clap::Command, name: &str) -> clap::Command {
    use clap::{Arg, ArgAction};
    let w = &SV;
    let mut command = command
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            w.usage
        ))
        .subcommand_help_heading(w.commands)
        .subcommand_value_name(w.placeholder_command.trim_matches(['[', ']']))
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(w.help)
                .help_heading(w.options),
        );
    if let Some(about) = about(name) {
        command = command.about(about).long_about(None::<&str>);
    }
    let ids: Vec<String> = command
        .get_arguments()
        .filter(|a| a.get_id() != "help")
        .map(|a| a.get_id().to_string())
        .collect();
    let mut positionals = String::new();
    for id in &ids {
        command = command.mut_arg(id, |a| {
            let heading = if a.is_positional() {
                w.arguments
            } else {
                w.options
            };
            let names: Option<Vec<clap::builder::Str>> = a.get_value_names().map(|names| {
                names
                    .iter()
                    .map(|n| value_name(n.as_str()).map_or_else(|| n.clone(), Into::into))
                    .collect()
            });
            // clap's own English notes ("possible values", "default",
            // "env") go; the Swedish help says them in words.
            let takes_values = a.get_action().takes_values();
            let has_env = a.get_env().is_some();
            let mut a = a
                .help_heading(heading)
                .hide_possible_values(takes_values)
                .hide_default_value(takes_values)
                .hide_env(has_env);
            if let Some(text) = arg(name, id) {
                a = a.help(text).long_help(None::<&str>);
            }
            match names {
                Some(names) => a.value_names(names),
                None => a,
            }
        });
    }
    for a in command.get_positionals() {
        let shown = a
            .get_value_names()
            .and_then(|n| n.first())
            .map_or_else(|| a.get_id().to_string(), ToString::to_string);
        positionals.push_str(&format!(" <{shown}>"));
    }
    if !name.is_empty() {
        command = command.override_usage(format!(
            "medel {name} {}{positionals}",
            w.placeholder_options
        ));
    }
    command
}
