//! The sentences on money not used and the reasons given.

use crate::domain::Lang;
use crate::domain::money::Money;
use crate::report::wording::{UnusedWording, Wording};

use super::ReportWords;

impl UnusedWording for ReportWords {
    fn used_none_one(&self, name: &str, allocated: Money) -> String {
        let m = self.amount(allocated);
        match self.lang {
            Lang::Sv => format!("{name} har inte använt något av sina {m}."),
            Lang::En => format!("{name} used none of its {m}."),
        }
    }

    fn used_none_many(&self, names: &[&str], allocated: &[Money]) -> String {
        let (names, amounts) = (self.names(names), self.amounts_respectively(allocated));
        match self.lang {
            Lang::Sv => format!("{names} har inte använt något av sina medel ({amounts})."),
            Lang::En => format!("{names} used none of their money ({amounts})."),
        }
    }

    fn used_part_lead(&self, names: &[&str]) -> String {
        let n = names.len();
        let names = self.names(names);
        match (self.lang, n) {
            (Lang::Sv, _) => format!("{names} har använt en del av sina medel:"),
            (Lang::En, 1) => format!("{names} used part of its money:"),
            (Lang::En, _) => format!("{names} used part of their money:"),
        }
    }

    /// Swedish gives the used amount as a bare number: the unit follows.
    fn used_part(&self, name: &str, used: Money, allocated: Money, unused: Money) -> String {
        let (allocated, unused) = (self.amount(allocated), self.amount(unused));
        match self.lang {
            Lang::Sv => format!(
                "{name} använde {} av {allocated}, och {unused} blev kvar.",
                used.format(self.lang)
            ),
            Lang::En => format!(
                "{name} used {} of {allocated}, leaving {unused}.",
                self.amount(used)
            ),
        }
    }

    fn overspent_lead(&self, names: &[&str]) -> String {
        let n = names.len();
        let names = self.names(names);
        match (self.lang, n) {
            (Lang::Sv, 1) => {
                format!("{names} har använt mer än fördelat och står själv för det som går utöver:")
            }
            (Lang::Sv, _) => format!(
                "{names} har använt mer än fördelat och står själva för det som går utöver:"
            ),
            (Lang::En, 1) => {
                format!("{names} used more than allocated and bears the excess itself:")
            }
            (Lang::En, _) => {
                format!("{names} used more than allocated and bear the excess themselves:")
            }
        }
    }

    fn overspent(&self, name: &str, used: Money, allocated: Money, over: Money) -> String {
        let (allocated, over) = (self.amount(allocated), self.amount(over));
        match self.lang {
            Lang::Sv => format!(
                "{name} använde {} av {allocated}, alltså {over} mer än fördelat.",
                used.format(self.lang)
            ),
            Lang::En => format!(
                "{name} used {} of {allocated}, {over} more than allocated.",
                self.amount(used)
            ),
        }
    }

    fn not_reported_how(&self, names: &[&str]) -> String {
        let n = names.len();
        let names = self.names(names);
        match (self.lang, n) {
            (Lang::Sv, _) => format!("{names} har ännu inte redovisat hur medlen har använts."),
            (Lang::En, 1) => format!("{names} has not yet reported how the money was used."),
            (Lang::En, _) => format!("{names} have not yet reported how the money was used."),
        }
    }

    fn unallocated_unused(&self, unallocated: Money) -> String {
        let m = self.amount(unallocated);
        match self.lang {
            Lang::Sv => {
                format!("De {m} som aldrig fördelades till någon mottagare har inte använts.")
            }
            Lang::En => format!("The {m} never allocated to any recipient has not been used."),
        }
    }

    fn nothing_allocated_unused(&self, received: Money) -> String {
        let m = self.amount(received);
        match self.lang {
            Lang::Sv => format!(
                "Inga medel har fördelats till någon mottagare, så hela det mottagna beloppet, {m}, är oanvänt."
            ),
            Lang::En => format!(
                "No money has been allocated to any recipient, so all that was received, {m}, is unused."
            ),
        }
    }

    fn gave_no_reason(&self, names: &[&str]) -> String {
        let names = self.names(names);
        match self.lang {
            Lang::Sv => format!("{names} har inte angett något skäl."),
            Lang::En => format!("{names} gave no reason."),
        }
    }
}
