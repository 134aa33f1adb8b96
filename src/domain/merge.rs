//! The merge of concurrent edits, one rule for every stored thing a form
//! edits: a thing is a set of named fields (the names the audit log uses);
//! a save writes the fields the form changed over what is stored now, and
//! refuses a field that someone else changed to another value since the
//! form was opened — the three-way merge `git merge` does per line, here
//! per field.

use std::collections::BTreeMap;

/// Field name → value as text: the unit of merging and of the audit log.
pub type Fields = BTreeMap<String, String>;

/// A stored thing a form edits, seen as named fields.
pub trait Fielded: Sized {
    /// Every field of the thing, by its audit name.
    fn fields(&self) -> Fields;
    /// `self` with the values of `fields`; a value that does not read back
    /// keeps `self`'s.
    fn with_fields(&self, fields: &Fields) -> Self;
}

/// A field both this form and someone else changed, to different values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    pub field: String,
    pub mine: String,
    pub theirs: String,
}

/// The fields to store: `current` with every field `edited` changed from
/// `loaded`. A field changed here and also, to another value, in `current`
/// is refused unless `force`; even then the fields only the other side
/// changed keep their values.
pub fn merge_fields(
    loaded: &Fields,
    edited: &Fields,
    current: &Fields,
    force: bool,
) -> Result<Fields, Clash> {
    let mut merged = current.clone();
    for (key, mine) in edited {
        let (old, theirs) = (loaded.get(key), current.get(key));
        if Some(mine) == old {
            continue;
        }
        if !force && theirs != old && theirs != Some(mine) {
            return Err(Clash {
                field: key.clone(),
                mine: mine.clone(),
                theirs: theirs.cloned().unwrap_or_default(),
            });
        }
        merged.insert(key.clone(), mine.clone());
    }
    Ok(merged)
}

/// `merge_fields` over whole things.
pub fn merge<T: Fielded>(loaded: &T, edited: &T, current: &T, force: bool) -> Result<T, Clash> {
    let merged = merge_fields(&loaded.fields(), &edited.fields(), &current.fields(), force)?;
    Ok(current.with_fields(&merged))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn changes_to_different_fields_both_land() {
        let loaded = f(&[("a", "1"), ("b", "1")]);
        let mine = f(&[("a", "2"), ("b", "1")]);
        let theirs = f(&[("a", "1"), ("b", "3")]);
        let merged = merge_fields(&loaded, &mine, &theirs, false).unwrap();
        assert_eq!(merged, f(&[("a", "2"), ("b", "3")]));
    }

    #[test]
    fn the_same_field_changed_twice_is_refused_with_their_value() {
        let loaded = f(&[("a", "1")]);
        let clash = merge_fields(&loaded, &f(&[("a", "2")]), &f(&[("a", "3")]), false);
        assert_eq!(
            clash,
            Err(Clash {
                field: "a".into(),
                mine: "2".into(),
                theirs: "3".into()
            })
        );
    }

    #[test]
    fn the_same_new_value_on_both_sides_is_no_clash() {
        let loaded = f(&[("a", "1")]);
        let merged = merge_fields(&loaded, &f(&[("a", "2")]), &f(&[("a", "2")]), false);
        assert_eq!(merged, Ok(f(&[("a", "2")])));
    }

    #[test]
    fn forcing_overwrites_only_the_clashing_field() {
        let loaded = f(&[("a", "1"), ("b", "1")]);
        let mine = f(&[("a", "2"), ("b", "1")]);
        let theirs = f(&[("a", "3"), ("b", "3")]);
        let merged = merge_fields(&loaded, &mine, &theirs, true).unwrap();
        assert_eq!(merged, f(&[("a", "2"), ("b", "3")]));
    }

    #[test]
    fn an_absent_field_is_a_value_of_its_own() {
        // Absence is "": someone who set a field from absent clashes with
        // a form that set it too, to something else.
        let loaded = f(&[("a", "")]);
        let clash = merge_fields(&loaded, &f(&[("a", "5")]), &f(&[("a", "0")]), false);
        assert!(clash.is_err());
    }
}
