//! What is wrong with an import file, in Swedish: the same facts as the
//! English sentences in `import_problems`, said as a Swedish coordinator
//! would read them. Parsers' own messages (JSON, CSV, zip) are quoted as
//! they come.

use super::exchange::change;
use super::money_errors::explain;
use super::store_errors::grant_draft;
use crate::domain::Lang;
use crate::exchange::{FORMAT, ProblemKind, SPENDING_COLUMNS_SV, VERSION};

/// One problem's sentence in Swedish, without its place.
pub fn message(kind: &ProblemKind) -> String {
    use ProblemKind as P;
    let columns = SPENDING_COLUMNS_SV.len();
    let header = SPENDING_COLUMNS_SV.join(";");
    match kind {
        P::EmptyFile => format!(
            "filen är tom: väntade en JSON-export från medel eller en CSV med utgifter \
             med rubrikraden {header}"
        ),
        P::Json(message) => format!("kan inte läsas som JSON: {message}"),
        P::NotMedel => format!("ingen export från medel: \"format\" ska vara \"{FORMAT}\""),
        P::NewerVersion(v) => format!(
            "skriven av en nyare version av medel (formatversion {v}; den här läser upp till \
             {VERSION}); uppdatera medel för att importera den"
        ),
        P::NoVersion => "formatversionen saknas".into(),
        P::EmptyName => "namnet är tomt".into(),
        P::RecipientTwice { first } => format!("finns två gånger (även recipients[{first}])"),
        P::GrantTwice { first } => format!("finns två gånger (även grants[{first}])"),
        P::Grant(e) => grant_draft(*e, Lang::Sv),
        P::PositionTwice(position) => format!("plats {position} finns två gånger"),
        P::PositionOutside { position, count } => format!(
            "plats {position} ligger utanför 1..{count}: fokusområdena numreras från 1 \
             utan luckor"
        ),
        P::UnnamedFocusArea => "fokusområdet saknar namn".into(),
        P::ZeroReceipt => "en inbetalning på noll kronor säger ingenting".into(),
        P::UnlistedRecipient => "mottagaren finns inte i dokumentets lista över mottagare".into(),
        P::ParticipantTwice { first } => {
            format!("finns två gånger i bidraget (även recipients[{first}])")
        }
        P::NegativeAllocation => "en fördelning kan inte vara negativ".into(),
        P::NoSuchFocusArea(position) => format!("bidraget har inget fokusområde {position}"),
        P::FocusAreaTwice(position) => format!("fokusområde {position} finns två gånger"),
        P::NegativeSpending => "ett använt belopp kan inte vara negativt".into(),
        P::NotPositiveRecord => "en återbetalning eller omfördelning måste vara mer än noll".into(),
        P::MoveToItself => "en omfördelning måste gå till en annan mottagare".into(),
        P::ClosedInDatabase => "bidraget är redovisat och stängt i databasen; öppna det \
                                igen innan du importerar ändringar i det"
            .into(),
        P::Differs { differences, more } => {
            let mut shown: Vec<String> = differences
                .ops
                .iter()
                .map(|op| change(differences, op, Lang::Sv))
                .collect();
            if *more > 0 {
                shown.push(format!("och {more} till"));
            }
            format!(
                "finns redan i databasen med andra värden ({}). Inget importerades; \
                 importera med --replace för att ta filens värden",
                shown.join("; ")
            )
        }
        P::Csv(message) => format!("kan inte läsa CSV-filen: {message}"),
        P::NotUtf8 { valid_up_to } => format!(
            "ingen UTF-8-text (felaktig byte {valid_up_to} tecken in); spara filen som UTF-8, \
             i Excel som \"CSV UTF-8\""
        ),
        P::SummaryFile => "det här är en sammanställning per mottagare (export --summary); \
                           bara filer med utgifter kan importeras"
            .into(),
        P::WrongColumn { want, found } => {
            format!(
                "väntade kolumnen '{}', fann '{found}'",
                swedish_column(want)
            )
        }
        P::TooFewColumns(found) => {
            format!("väntade {columns} kolumner ({header}), fann {found}")
        }
        P::WrongFieldCount(found) => format!("väntade {columns} kolumner, fann {found}"),
        P::ExtraColumn(name) => format!("oväntad kolumn '{name}' efter 'anteckning'"),
        P::EmptyCsv => "filen är tom".into(),
        P::NoRows => "inga rader efter rubrikraden: inget att importera".into(),
        P::EmptyCell => "tomt".into(),
        P::EmptyAmount => "tomt: skriv 0 om inget är använt".into(),
        P::NotAYear(text) => format!("'{text}' är inget år"),
        P::BadAmount { text, error } => format!("'{text}': {}", explain(error, Lang::Sv)),
        P::NoSuchGrant { grant: key, known } => {
            let hint = if known.is_empty() {
                "databasen har inga bidrag".to_string()
            } else {
                let known: Vec<String> = known.iter().map(ToString::to_string).collect();
                format!("bidrag i databasen: {}", known.join(", "))
            };
            format!("inget bidrag {key} i databasen; {hint}")
        }
        P::ClosedGrant(key) => format!(
            "bidraget {key} är redovisat och stängt: öppna det igen innan du importerar utgifter"
        ),
        P::UnknownRecipient { name, meant } => match meant {
            Some(meant) => format!("okänd mottagare '{name}' (menade du '{meant}'?)"),
            None => format!(
                "okänd mottagare '{name}': lägg till den i medel först, namnen måste stämma exakt"
            ),
        },
        P::UnknownFocusArea { text, count } => format!(
            "okänt fokusområde '{text}': skriv dess nummer, 1 till {count}, eller dess namn"
        ),
        P::DuplicateRow {
            recipient,
            position,
            line,
        } => format!(
            "dubblerad rad: '{recipient}', fokusområde {position} finns också på rad {line}"
        ),
        P::AllocationDiffers { new, old, line } => format!(
            "{} skiljer sig från {} på rad {line} för samma mottagare",
            new.format_with_unit(Lang::Sv),
            old.format_with_unit(Lang::Sv)
        ),
        P::Damaged(message) => format!("en skadad arbetsbok som inte går att läsa: {message}"),
        P::Encrypted => "en lösenordsskyddad arbetsbok: ta bort lösenordet i Excel \
                         (Arkiv, Information, Skydda arbetsbok) och spara den igen som .xlsx"
            .into(),
        P::OldXls => "en gammal arbetsbok från Excel 97-2003 (.xls): öppna den i Excel och \
                      spara den som Excel-arbetsbok (.xlsx)"
            .into(),
        P::BinaryWorkbook => "en binär Excel-arbetsbok (.xlsb): öppna den i Excel och spara \
                              den som Excel-arbetsbok (.xlsx)"
            .into(),
        P::OtherOfficeFile => "en Office-fil som inte är en .xlsx-arbetsbok (eller en för \
                               skadad för att avgöra): spara arbetsboken som Excel-arbetsbok \
                               (.xlsx), utan lösenord"
            .into(),
        P::NotATemplate => "ingen mall från medel: bara arbetsböcker skrivna av \
                            'medel template' kan importeras (eller JSON och CSV)"
            .into(),
        P::UnknownTemplateVersion(v) => format!(
            "en mall av version '{v}', som den här medel inte känner till; uppdatera medel \
             eller skriv en ny mall"
        ),
        P::LayoutAltered { expected, found } => format!(
            "väntade '{expected}' här, fann '{found}': rader eller kolumner har flyttats; \
             för över siffrorna till en ny mall"
        ),
        P::FormulaInAmount(formula) => {
            format!("en formel (={formula}) där ett belopp ska skrivas: skriv beloppet självt")
        }
        P::FormulaInText(formula) => format!(
            "en formel (={formula}) där text ska skrivas: skriv texten själv (Excel gör en \
             formel av text som börjar med =, + eller -; skriv en apostrof först så blir det text)"
        ),
        P::FormulaInDate(formula) => format!(
            "en formel (={formula}) där redovisningsdatum ska skrivas: skriv datumet självt, \
             som ÅÅÅÅ-MM-DD"
        ),
        P::NotADate(text) => format!("'{text}' är inget datum: skriv det som ÅÅÅÅ-MM-DD"),
        P::EarlyDate(text) => format!(
            "{text} är före 1900-03-01, där Excel och LibreOffice räknar en dag olika: \
             skriv dagen då redovisningen gjordes"
        ),
        P::FutureDate(day) => {
            format!("{day} är efter i dag: skriv dagen då redovisningen gjordes")
        }
        P::RowsMoved { expected, found } => format!(
            "rader eller kolumner har infogats eller tagits bort: det här är den första \
             flyttade cellen (väntade '{expected}', fann '{found}'); för över siffrorna \
             till en ny mall"
        ),
        P::SheetMissing(sheet) => format!(
            "bladet {sheet} saknas (har det bytt namn?): ge det tillbaka namnet {sheet}, \
             eller för över siffrorna till en ny mall"
        ),
        P::IdentificationAltered => "mallens dolda identifiering har ändrats eller skadats: \
                                     dess cellreferenser stämmer inte med bladet; för över \
                                     siffrorna till en ny mall"
            .into(),
        P::OtherDatabase(name) => format!(
            "{name} finns i databasen, men inte som den mallen skrevs för: mallen skrevs \
             från en annan databas eller för ett annat bidrag; skriv en ny mall med \
             'medel template'"
        ),
        P::ReportWithoutDate => {
            "redovisningsdatum saknas: skäl och utvärdering behöver datumet".into()
        }
        P::NotInGrant {
            recipient,
            grant: key,
        } => format!("'{recipient}' är inte med i bidraget {key} i databasen"),
        P::FocusAreasChanged => "bidragets fokusområden har ändrats sedan mallen skrevs: \
                                 skriv en ny mall"
            .into(),
        P::SameAsOtherFile(other) => {
            format!("ändrar samma värden som {other}: importera en fil per mottagare")
        }
        P::SameRecipientAsOtherFile { other, recipient } => format!(
            "gäller samma mottagare som {other} ('{recipient}'): importera en fil per \
             mottagare åt gången"
        ),
        P::ChangedInMedel(stale) => super::stale::changed_in_medel(stale, Lang::Sv, false),
        P::OtherHistory { written } => super::stale::other_history(written, Lang::Sv),
    }
}

/// The Swedish header of an English column name, or the name itself.
pub fn swedish_column(name: &str) -> &str {
    crate::exchange::SPENDING_COLUMNS
        .iter()
        .position(|c| *c == name)
        .map_or(name, |i| SPENDING_COLUMNS_SV[i])
}
