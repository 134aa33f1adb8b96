//! `--help` in Swedish. The English is the clap definitions' own doc
//! comments (`cli.rs`); these are the same texts in Swedish, keyed by
//! command and argument id, applied by `cli::localized` before parsing.

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
            "Läs in en JSON-export eller en CSV med belopp; inget skrivs om inte hela filen \
                     är giltig"
        }
        "backup" => "Skriv en hel kopia av databasen, även medan appen är öppen",
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
        ("status" | "report", "grant") => "Bidragets id [standard: det senaste öppna bidraget]",
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
        ("report", "format") => "md (Markdown) eller txt (ren text) [standard: md]",
        ("report" | "export", "output") => "Skriv till den här filen i stället för standard ut",
        ("export", "grant") => "Bara det här bidraget, med mottagarna som deltar i det",
        ("export", "all") => "Varje bidrag och mottagare (standard)",
        ("export", "format") => {
            "json: data med formatversion, belopp som \"577468.00\"; csv: en \
                                 rad per mottagare och fokusområde"
        }
        ("export", "csv_style") => {
            "excel-sv: `;`, decimalkomma, BOM, CRLF (svenska Excel); plain: \
                                    `,`, decimalpunkt, LF [standard: excel-sv]"
        }
        ("export", "summary") => {
            "CSV: en rad per mottagare (fördelat, använt, oanvänt, status) i \
                                  stället för beloppsraderna"
        }
        ("import", "file") => "En JSON-export, eller en CSV med belopp (någon av stilarna)",
        ("import", "dry_run") => "Visa vad som skulle ändras och skriv ingenting",
        ("import", "replace") => {
            "JSON: där filen och databasen skiljer sig om ett bidrag (samma \
                                  titel och år) eller en mottagare (samma namn), ta filens värden \
                                  i stället för att vägra"
        }
        ("backup", "file") => "Kopian som ska skrivas",
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
