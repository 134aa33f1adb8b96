//! The example database: a city's 2017 development funds against violence
//! in close relationships, from Socialstyrelsen.
//!
//! Received, used and the amount to return are the source report's figures.
//! The allocation per recipient is NOT in the source: the amounts here are
//! illustrative, chosen so that every total and status comes out as the
//! source states it. The notes are short summaries written for medel.

use chrono::NaiveDate;

use crate::domain::model::{ReceiptKind, RecipientKind, RecipientReport};
use crate::domain::money::Money;
use crate::store::{GrantDraft, NewReceipt, Result, Store, StoreError};

pub const TITLE: &str = "Utvecklingsmedel VINR 2017";
pub const GIVER: &str = "Socialstyrelsen";
pub const YEAR: i32 = 2017;

struct Demo {
    name: &'static str,
    formal: &'static str,
    kind: RecipientKind,
    /// Illustrative: the source gives no allocation per recipient.
    allocated: i64,
    /// (focus area position, kronor, what was done)
    spending: &'static [(i64, i64, &'static str)],
    reported_on: &'static str,
    reason_unused: &'static str,
    evaluation: &'static str,
}

const fn district(
    name: &'static str,
    formal: &'static str,
    allocated: i64,
    spending: &'static [(i64, i64, &'static str)],
) -> Demo {
    Demo {
        name,
        formal,
        kind: RecipientKind::District,
        allocated,
        spending,
        reported_on: "2018-02-15",
        reason_unused: "",
        evaluation: "",
    }
}

const SELF_EVALUATION: &str = "Följs upp internt i verksamhetsberättelsen.";
const SYDOST_EVALUATION: &str =
    "Relationsvåldscentrum Sydost har utvärderats av en extern forskare på uppdrag av nämnderna.";

const DEMO: [Demo; 15] = [
    Demo {
        reason_unused: "Personalomsättning gjorde att en planerad utbildning inte blev av.",
        ..district(
            "Rinkeby-Kista",
            "Rinkeby-Kista stadsdelsnämnd",
            240_000,
            &[
                (2, 48_785, "Utbildning i FREDA och MI för handläggare"),
                (
                    5,
                    95_000,
                    "Genomgång av utredningsarbetet och förbättrade arbetssätt",
                ),
            ],
        )
    },
    Demo {
        evaluation: SELF_EVALUATION,
        ..district(
            "Spånga-Tensta",
            "Spånga-Tensta stadsdelsnämnd",
            200_000,
            &[
                (1, 70_000, "HBTQ-certifiering av delar av verksamheten"),
                (
                    3,
                    50_000,
                    "Månatlig samverkansgrupp mellan relationsvåldsteam och barn och unga",
                ),
                (
                    5,
                    80_000,
                    "Normkritisk granskning och anpassning av bedömningsinstrument",
                ),
            ],
        )
    },
    Demo {
        evaluation: SELF_EVALUATION,
        ..district(
            "Hässelby-Vällingby",
            "Hässelby-Vällingby stadsdelsnämnd",
            220_000,
            &[
                (
                    1,
                    120_000,
                    "Tillfällig tjänst som gav tid för stöd i jourlägenheterna",
                ),
                (
                    4,
                    70_000,
                    "Våldsförebyggande temavecka med seminarier och film",
                ),
                (6, 30_000, "Föreläsning om prostitution under temaveckan"),
            ],
        )
    },
    Demo {
        reason_unused: "Inget utrymme för fler utbildningar utöver dem som redan gjorts.",
        ..district("Bromma", "Bromma stadsdelsnämnd", 180_000, &[])
    },
    Demo {
        reason_unused: "Personalomsättning omöjliggjorde de planerade satsningarna.",
        ..district("Kungsholmen", "Kungsholmens stadsdelsnämnd", 160_000, &[])
    },
    district(
        "Norrmalm",
        "Norrmalms stadsdelsnämnd",
        150_000,
        &[
            (
                1,
                90_000,
                "Nya rutiner och processkartläggning med familjeenheten",
            ),
            (2, 60_000, "NCK:s webbutbildning och utbildning i PATRIARK"),
        ],
    ),
    Demo {
        reason_unused: "Tiden räckte inte för att genomföra allt före årets slut.",
        ..district(
            "Östermalm",
            "Östermalms stadsdelsnämnd",
            170_000,
            &[
                (1, 25_000, "Studiebesök hos andra kommuner"),
                (
                    3,
                    45_700,
                    "Förskolornas tema om barn som far illa och utbildad krisgrupp",
                ),
                (4, 28_000, "Kompetensutveckling i att motivera våldsutövare"),
            ],
        )
    },
    district(
        "Södermalm",
        "Södermalms stadsdelsnämnd",
        250_000,
        &[
            (
                1,
                110_000,
                "Handledning för behandlare om våld och våldsutsatta barn",
            ),
            (
                4,
                140_000,
                "MVP-utbildning med ungdomspolis och pilotprojekt i förskolan",
            ),
        ],
    ),
    Demo {
        evaluation: SYDOST_EVALUATION,
        ..district(
            "Enskede-Årsta-Vantör",
            "Enskede-Årsta-Vantörs stadsdelsnämnd",
            260_000,
            &[
                (
                    1,
                    60_000,
                    "Partnerkontakt under behandling; information till polis, kyrka och skolor",
                ),
                (3, 80_000, "Signs of Safety och Trappansamtal för barn"),
                (4, 90_000, "Samarbete med församlingar och utbildning i ATV"),
                (
                    5,
                    30_000,
                    "Fördjupning om hedersrelaterat våld och könsstympning",
                ),
            ],
        )
    },
    Demo {
        evaluation: SYDOST_EVALUATION,
        ..district(
            "Skarpnäck",
            "Skarpnäcks stadsdelsnämnd",
            180_000,
            &[
                (2, 50_000, "Utbildning i MI och KBT"),
                (
                    4,
                    130_000,
                    "Grupper för våldsutövare i Relationsvåldscentrum Sydost",
                ),
            ],
        )
    },
    Demo {
        evaluation: SYDOST_EVALUATION,
        ..district(
            "Farsta",
            "Farsta stadsdelsnämnd",
            200_000,
            &[
                (3, 60_000, "Utbildning i Trappansamtal"),
                (
                    4,
                    140_000,
                    "Informationsspridning, stöd till nyanlända och Stadsdelsmammor",
                ),
            ],
        )
    },
    Demo {
        reason_unused: "Inget utrymme för fler utbildningstillfällen under hösten.",
        ..district(
            "Älvsjö",
            "Älvsjö stadsdelsnämnd",
            140_000,
            &[
                (1, 38_000, "Uppdaterade rutiner"),
                (
                    5,
                    55_000,
                    "Utbildning om hedersrelaterat våld för alla myndighetshandläggare",
                ),
            ],
        )
    },
    district(
        "Hägersten-Liljeholmen",
        "Hägersten-Liljeholmens stadsdelsnämnd",
        230_000,
        &[
            (
                1,
                130_000,
                "Temadag om barn i skyddat boende; information till invånare, polis och MVC",
            ),
            (2, 100_000, "Utbildning i FREDA och NCK:s webbutbildning"),
        ],
    ),
    district(
        "Skärholmen",
        "Skärholmens stadsdelsnämnd",
        190_000,
        &[
            (2, 60_000, "Utbildning i MI"),
            (
                4,
                130_000,
                "Rutin för gemensamma möten med barn och ungdom; utbildning i ATV",
            ),
        ],
    ),
    Demo {
        kind: RecipientKind::Unit,
        reported_on: "2018-02-20",
        ..district(
            "Enheten för hemlösa",
            "Socialnämnden, Enheten för hemlösa",
            152_920,
            &[(
                1,
                152_920,
                "Utbildning om våld i nära relationer för hela enheten",
            )],
        )
    },
];

fn date(s: &str) -> Result<NaiveDate> {
    s.parse()
        .map_err(|e| StoreError::Invalid(format!("demo date {s}: {e}")))
}

/// The demo in a database of its own in memory, as the screenshots show it.
pub fn in_memory() -> Result<Store> {
    let mut store = Store::open_in_memory()?;
    store.set_who("demo");
    write(&mut store)?;
    Ok(store)
}

/// Writes the example grant with its recipients into `store`.
pub fn write(store: &mut Store) -> Result<i64> {
    let draft = GrantDraft::for_year(TITLE, GIVER, YEAR)
        .ok_or_else(|| StoreError::Invalid("demo year out of range".into()))?;
    let grant = store.create_grant(&draft)?;
    store.add_receipt(grant, &NewReceipt {
        date: date("2017-03-15")?,
        amount: Money::from_kronor(2_922_920),
        kind: ReceiptKind::Requisition,
        note: "Rekvirerat för nämnderna och enheten för hemlösa. Exempel: beloppen per mottagare är illustrativa".into(),
    })?;
    store.add_receipt(
        grant,
        &NewReceipt {
            date: date("2017-07-10")?,
            amount: Money::from_kronor(22_953),
            kind: ReceiptKind::Redistribution,
            note: "Medel som andra kommuner inte rekvirerat före 1 juni; hålls centralt".into(),
        },
    )?;
    for d in &DEMO {
        let id = match store.recipient_by_name(d.name)? {
            Some(r) => r.id,
            None => store.add_recipient(d.name, d.formal, d.kind)?,
        };
        store.set_allocation(grant, id, Money::from_kronor(d.allocated), None)?;
        let loaded = store.entry(grant, id)?;
        let mut edited = loaded.clone();
        for &(position, kr, note) in d.spending {
            let line = edited
                .spending
                .iter_mut()
                .find(|s| s.position == position)
                .ok_or_else(|| StoreError::Invalid(format!("demo focus area {position}")))?;
            line.amount = Money::from_kronor(kr);
            line.note = note.to_string();
        }
        edited.report = Some(RecipientReport {
            reported_on: date(d.reported_on)?,
            reason_unused: d.reason_unused.to_string(),
            evaluation: d.evaluation.to_string(),
        });
        store.save_entry(grant, id, &loaded, &edited, false)?;
    }
    Ok(grant)
}
