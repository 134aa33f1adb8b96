//! The 2017 case as report data. Allocations and the spread over focus
//! areas are made up; the totals are the source report's.

use medel::domain::model::{
    DEFAULT_FOCUS_AREAS, FocusArea, Grant, GrantState, Receipt, ReceiptKind, Recipient,
    RecipientKind, RecipientReport, Spending,
};
use medel::report::{ReportData, ReportRecipient};

use super::{d, kr};

/// (name, allocated, [(focus area 1..=6, amount, note)], reason unused, evaluation)
pub type Row = (
    &'static str,
    i64,
    &'static [(i64, i64, &'static str)],
    &'static str,
    &'static str,
);

pub const CASE: [Row; 15] = [
    (
        "Rinkeby-Kista",
        240_000,
        &[
            (
                5,
                83_785,
                "Kartlade utredningsarbetet och förbättrade metoden",
            ),
            (2, 60_000, "Utbildning i FREDA och motiverande samtal"),
        ],
        "Personalomsättning gjorde att en planerad satsning inte blev av",
        "",
    ),
    (
        "Spånga-Tensta",
        200_000,
        &[
            (1, 90_000, "HBTQ-certifiering av delar av verksamheten"),
            (3, 40_000, "Samverkansgrupp med barn och unga varje månad"),
            (
                5,
                70_000,
                "Bedömningsinstrument granskade ur normkritiskt perspektiv",
            ),
        ],
        "",
        "",
    ),
    (
        "Hässelby-Vällingby",
        220_000,
        &[
            (
                1,
                120_000,
                "Vikarie som frigjorde tid för stöd i jourlägenheterna",
            ),
            (4, 75_000, "Våldsförebyggande vecka med seminarier och film"),
            (6, 25_000, "Föreläsning om prostitution under veckan"),
        ],
        "",
        "",
    ),
    (
        "Bromma",
        180_000,
        &[],
        "Inget utrymme för fler utbildningar än de som redan gjorts",
        "",
    ),
    (
        "Kungsholmen",
        160_000,
        &[],
        "Planerade insatser föll bort på grund av personalomsättning",
        "",
    ),
    (
        "Norrmalm",
        150_000,
        &[
            (
                1,
                100_000,
                "Nya rutiner och kartläggning av ärendeflödet till familjeenheten",
            ),
            (2, 50_000, "NCK:s webbutbildning för handläggarna"),
        ],
        "",
        "Egen uppföljning i verksamhetsberättelsen",
    ),
    (
        "Östermalm",
        170_000,
        &[
            (1, 30_000, "Studiebesök i andra kommuner"),
            (3, 43_700, "Förskolornas tema om barn som far illa"),
            (4, 25_000, "Fortbildning i att motivera våldsutövare"),
        ],
        "Inget utrymme för ytterligare utbildning under året",
        "",
    ),
    (
        "Södermalm",
        250_000,
        &[
            (1, 110_000, "Extern handledning för behandlarna"),
            (
                4,
                140_000,
                "MVP-utbildning tillsammans med polisen och pilotprojekt i förskolan",
            ),
        ],
        "",
        "",
    ),
    (
        "Enskede-Årsta-Vantör",
        260_000,
        &[
            (
                1,
                60_000,
                "Partnerkontakt när våldsutövare går i behandling",
            ),
            (3, 70_000, "Signs of Safety och Trappansamtal"),
            (
                4,
                90_000,
                "Relationsvåldscentrum Sydost och samarbete med församlingar",
            ),
            (5, 40_000, "Fördjupning om hedersrelaterat våld"),
        ],
        "",
        "Relationsvåldscentrum Sydost utvärderat av en forskare",
    ),
    (
        "Skarpnäck",
        180_000,
        &[
            (2, 60_000, "Utbildning i MI och KBT"),
            (
                4,
                120_000,
                "Gruppbehandling för våldsutövare i Relationsvåldscentrum Sydost",
            ),
        ],
        "",
        "Relationsvåldscentrum Sydost utvärderat av en forskare",
    ),
    (
        "Farsta",
        200_000,
        &[
            (3, 50_000, "Utbildning i Trappansamtal"),
            (4, 150_000, "Information till nyanlända och Stadsdelsmammor"),
        ],
        "",
        "",
    ),
    (
        "Älvsjö",
        140_000,
        &[
            (1, 33_000, "Nya rutiner"),
            (
                5,
                60_000,
                "Alla socialsekreterare utbildade om hedersrelaterat våld",
            ),
        ],
        "Utbildningen som återstod hann inte ordnas före årsskiftet",
        "",
    ),
    (
        "Hägersten-Liljeholmen",
        230_000,
        &[
            (
                1,
                150_000,
                "Temadag om barn i skyddat boende och information till invånare",
            ),
            (2, 80_000, "Utbildning i PATRIARK och FREDA"),
        ],
        "",
        "",
    ),
    (
        "Skärholmen",
        190_000,
        &[
            (2, 70_000, "Utbildning i Alternativ till våld"),
            (4, 120_000, "Rutin för gemensamma möten med barn och ungdom"),
        ],
        "",
        "",
    ),
    (
        "Enheten för hemlösa",
        152_920,
        &[(
            1,
            152_920,
            "Hela enheten utbildad om våld i nära relationer",
        )],
        "",
        "",
    ),
];

pub fn case_2017() -> ReportData {
    let grant = Grant {
        id: 1,
        title: "Utvecklingsmedel VINR 2017".into(),
        giver: "Socialstyrelsen".into(),
        year: 2017,
        use_from: d("2017-01-01"),
        use_until: d("2017-12-31"),
        report_due: d("2018-03-31"),
        state: GrantState::Open,
    };
    let receipts = vec![
        Receipt {
            id: 1,
            grant_id: 1,
            date: d("2017-03-15"),
            amount: kr(2_922_920),
            kind: ReceiptKind::Requisition,
            note: String::new(),
        },
        Receipt {
            id: 2,
            grant_id: 1,
            date: d("2017-07-10"),
            amount: kr(22_953),
            kind: ReceiptKind::Redistribution,
            note: "medel som andra kommuner inte rekvirerat före 1 juni".into(),
        },
    ];
    let focus_areas = DEFAULT_FOCUS_AREAS
        .iter()
        .enumerate()
        .map(|(i, (sv, en))| FocusArea {
            id: 10 + i as i64,
            grant_id: 1,
            position: i as i64 + 1,
            name_sv: sv.to_string(),
            name_en: en.to_string(),
        })
        .collect();
    let recipients = CASE
        .iter()
        .enumerate()
        .map(|(i, (name, allocated, spent, reason, evaluation))| {
            let district = *name != "Enheten för hemlösa";
            ReportRecipient {
                recipient: Recipient {
                    id: i as i64 + 1,
                    name: name.to_string(),
                    formal_name: if district {
                        format!("{name} stadsdelsnämnd")
                    } else {
                        "Socialförvaltningens enhet för hemlösa".into()
                    },
                    kind: if district {
                        RecipientKind::District
                    } else {
                        RecipientKind::Unit
                    },
                    retired: false,
                },
                allocated: kr(*allocated),
                spending: spent
                    .iter()
                    .map(|(area, amount, note)| Spending {
                        focus_area_id: 9 + area,
                        amount: kr(*amount),
                        note: note.to_string(),
                    })
                    .collect(),
                report: Some(RecipientReport {
                    reported_on: d("2018-02-15"),
                    reason_unused: reason.to_string(),
                    evaluation: evaluation.to_string(),
                }),
            }
        })
        .collect();
    ReportData {
        grant,
        receipts,
        focus_areas,
        recipients,
        today: d("2018-03-01"),
    }
}
