//! The words for the model's kinds: how money came in, what kind of
//! recipient it went to.

use crate::domain::Lang;
use crate::domain::model::{ReceiptKind, RecipientKind};

#[derive(Debug)]
pub struct KindWords {
    pub requisition: &'static str,
    pub redistribution: &'static str,
    pub other_receipt: &'static str,
    pub district: &'static str,
    pub unit: &'static str,
    pub other_recipient: &'static str,
}

pub const SV: KindWords = KindWords {
    requisition: "rekvisition",
    redistribution: "omfördelning",
    other_receipt: "övrigt",
    district: "stadsdelsnämnd",
    unit: "enhet",
    other_recipient: "övrig",
};

pub const EN: KindWords = KindWords {
    requisition: "requisition",
    redistribution: "redistribution",
    other_receipt: "other",
    district: "district",
    unit: "unit",
    other_recipient: "other",
};

/// This part of the words of `lang` (see `i18n::Texts`).
pub fn words(lang: Lang) -> &'static KindWords {
    &super::texts(lang).kinds
}

/// A receipt kind's word in `lang`.
pub fn receipt(kind: ReceiptKind, lang: Lang) -> &'static str {
    let w = words(lang);
    match kind {
        ReceiptKind::Requisition => w.requisition,
        ReceiptKind::Redistribution => w.redistribution,
        ReceiptKind::Other => w.other_receipt,
    }
}

/// A recipient kind's word in `lang`.
pub fn recipient(kind: RecipientKind, lang: Lang) -> &'static str {
    let w = words(lang);
    match kind {
        RecipientKind::District => w.district,
        RecipientKind::Unit => w.unit,
        RecipientKind::Other => w.other_recipient,
    }
}
