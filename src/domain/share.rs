//! A share in whole per cent, the one way every place shows it: on screen,
//! in the report and its flags. Rounded half up, as a spreadsheet's ROUND
//! does, so 48,75 % is 49 % wherever the coordinator compares figures.

/// `part` of `whole` in whole per cent, half up; `None` when `whole` is not
/// positive, as a share of nothing is no figure at all. A negative part
/// counts as nothing.
pub fn share_percent(part: i64, whole: i64) -> Option<i64> {
    if whole <= 0 {
        return None;
    }
    let (part, whole) = (part.max(0) as i128, whole as i128);
    // (200·part + whole) / (2·whole) = ⌊100·part/whole + ½⌋, in integers.
    Some(((200 * part + whole) / (2 * whole)) as i64)
}

#[cfg(test)]
mod tests {
    use super::share_percent;
    use proptest::prelude::*;

    #[test]
    fn rounds_half_up() {
        assert_eq!(share_percent(4875, 10_000), Some(49));
        assert_eq!(share_percent(4849, 10_000), Some(48));
        assert_eq!(share_percent(4850, 10_000), Some(49));
        assert_eq!(share_percent(1, 3), Some(33));
        assert_eq!(share_percent(2, 3), Some(67));
        assert_eq!(share_percent(0, 5), Some(0));
        assert_eq!(share_percent(-5, 5), Some(0));
        assert_eq!(share_percent(12, 10), Some(120));
        assert_eq!(share_percent(5, 0), None);
    }

    proptest! {
        /// The same as rounding the exact decimal share half up.
        #[test]
        fn agrees_with_decimal_rounding(part in 0i64..100_000_000_000_000, whole in 1i64..100_000_000_000_000) {
            use rust_decimal::{Decimal, RoundingStrategy};
            let exact = Decimal::from(part) * Decimal::from(100) / Decimal::from(whole);
            let rounded = exact.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
            prop_assert_eq!(Decimal::from(share_percent(part, whole).unwrap_or(-1)), rounded);
        }
    }
}
