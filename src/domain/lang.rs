//! The two languages of the product and how the default is chosen.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Sv,
    #[default]
    En,
}

impl Lang {
    /// Picks the language from locale variables the way a shell does:
    /// `LC_ALL` wins over `LC_MESSAGES`, which wins over `LANG`.
    pub fn from_env() -> Lang {
        Lang::from_vars(|k| std::env::var(k).ok())
    }

    /// `from_env` over any source of variables, so the order is testable.
    fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        let get = |k: &str| var(k).filter(|v| !v.is_empty());
        let locale = get("LC_ALL")
            .or_else(|| get("LC_MESSAGES"))
            .or_else(|| get("LANG"));
        Lang::from_locale(locale.as_deref())
    }

    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("sv") => Lang::Sv,
            _ => Lang::En,
        }
    }

    /// Chooses between a Swedish and an English text.
    pub fn pick<T>(self, sv: T, en: T) -> T {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "sv" | "swedish" | "svenska" => Ok(Lang::Sv),
            "en" | "english" | "engelska" => Ok(Lang::En),
            other => Err(format!("unknown language '{other}': use sv or en")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_decides() {
        assert_eq!(Lang::from_locale(Some("sv_SE.UTF-8")), Lang::Sv);
        assert_eq!(Lang::from_locale(Some("SV_FI")), Lang::Sv);
        assert_eq!(Lang::from_locale(Some("en_GB.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(Some("C")), Lang::En);
        assert_eq!(Lang::from_locale(None), Lang::En);
    }

    #[test]
    fn the_names_people_give_a_language() {
        for s in ["sv", "SV", "swedish", "svenska"] {
            assert_eq!(s.parse::<Lang>(), Ok(Lang::Sv), "{s}");
        }
        for s in ["en", "English", "engelska"] {
            assert_eq!(s.parse::<Lang>(), Ok(Lang::En), "{s}");
        }
        assert!("fi".parse::<Lang>().is_err());
    }

    /// LC_ALL wins over LC_MESSAGES over LANG; an empty one is passed over.
    #[test]
    fn the_locale_variables_in_the_shells_order() {
        let vars = |all: &str, messages: &str, lang: &str| {
            let (all, messages, lang) = (all.to_string(), messages.to_string(), lang.to_string());
            Lang::from_vars(move |k| match k {
                "LC_ALL" => Some(all.clone()),
                "LC_MESSAGES" => Some(messages.clone()),
                "LANG" => Some(lang.clone()),
                _ => None,
            })
        };
        assert_eq!(vars("", "", "sv_SE.UTF-8"), Lang::Sv);
        assert_eq!(vars("", "en_GB", "sv_SE.UTF-8"), Lang::En);
        assert_eq!(vars("sv_FI", "en_GB", "en_US"), Lang::Sv);
        assert_eq!(vars("", "", ""), Lang::En);
    }
}
