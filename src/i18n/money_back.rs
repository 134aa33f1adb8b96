//! Money paid back and moved between recipients, in words: a refused move
//! with its figures, the kinds of repayment, what a command did.

use crate::domain::Lang;
use crate::domain::money::Money;
use crate::domain::money_back::{MoveRefused, RepaymentKind};

/// Why a move of money was refused, with the figures.
pub fn move_refused(m: &MoveRefused, lang: Lang) -> String {
    let kr = |m: &Money| m.format_with_unit(lang);
    match m {
        MoveRefused::NotPositive => lang
            .pick(
                "Beloppet att flytta måste vara större än noll",
                "The amount to move must be more than zero",
            )
            .into(),
        MoveRefused::SameRecipient => lang
            .pick(
                "Pengar kan inte flyttas till samma mottagare",
                "Money cannot be moved to the same recipient",
            )
            .into(),
        MoveRefused::BeyondUnused {
            amount,
            allocated,
            used,
            unused,
        } => lang.pick(
            format!(
                "Kan inte flytta {}: mottagaren har {} tilldelat och {} använt, så bara {} är oanvänt",
                kr(amount),
                kr(allocated),
                kr(used),
                kr(unused)
            ),
            format!(
                "Cannot move {}: the recipient has {} allocated and {} used, so only {} is unused",
                kr(amount),
                kr(allocated),
                kr(used),
                kr(unused)
            ),
        ),
    }
}

/// "återbetalning", "repayment"; "återkrav", "clawback".
pub fn repayment_kind(kind: RepaymentKind, lang: Lang) -> &'static str {
    match kind {
        RepaymentKind::Repayment => lang.pick("återbetalning", "repayment"),
        RepaymentKind::Clawback => lang.pick("återkrav", "clawback"),
    }
}

/// What `medel repay` did.
pub fn repaid(amount: Money, title: &str, outstanding: Money, lang: Lang) -> String {
    let kr = |m: Money| m.format_with_unit(lang);
    lang.pick(
        format!(
            "Återbetalning på {} registrerad för {title}; kvar att återbetala: {}",
            kr(amount),
            kr(outstanding)
        ),
        format!(
            "Repayment of {} recorded for {title}; still outstanding: {}",
            kr(amount),
            kr(outstanding)
        ),
    )
}

/// The question after a grant is marked reported with money owed.
pub fn ask_repayment(outstanding: Money, lang: Lang) -> String {
    let kr = outstanding.format_with_unit(lang);
    lang.pick(
        format!("{kr} ska betalas tillbaka. Registrera återbetalningen nu?"),
        format!("{kr} is to be paid back. Record the repayment now?"),
    )
}

/// What `medel reallocate` did.
pub fn moved(amount: Money, from: &str, to: &str, lang: Lang) -> String {
    let kr = amount.format_with_unit(lang);
    lang.pick(
        format!("{kr} flyttat från {from} till {to}"),
        format!("{kr} moved from {from} to {to}"),
    )
}

impl std::fmt::Display for MoveRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&move_refused(self, Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_move_gives_the_figures_in_both_languages() {
        let m = MoveRefused::BeyondUnused {
            amount: Money::from_kronor(40_000),
            allocated: Money::from_kronor(180_000),
            used: Money::from_kronor(150_000),
            unused: Money::from_kronor(30_000),
        };
        assert_eq!(
            move_refused(&m, Lang::Sv),
            "Kan inte flytta 40 000 kr: mottagaren har 180 000 kr tilldelat och 150 000 kr använt, så bara 30 000 kr är oanvänt"
        );
        assert_eq!(
            move_refused(&m, Lang::En),
            "Cannot move SEK 40,000: the recipient has SEK 180,000 allocated and SEK 150,000 used, so only SEK 30,000 is unused"
        );
    }
}
