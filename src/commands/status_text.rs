//! The status pane as plain text: header, totals, the recipients table and
//! the flags. Columns are aligned by display width, so names with å, ä, ö
//! line up, and every status and flag reads without colour.

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use crate::domain::model::Grant;
use crate::domain::money::Money;
use crate::domain::sanitize::printable;
use crate::domain::status::{Countdown, GrantStatus};
use crate::i18n::commands::CommandWords;

/// Space between table columns.
const GAP: &str = "  ";

pub fn render(grant: &Grant, status: &GrantStatus, today: NaiveDate, t: &CommandWords) -> String {
    let mut out = String::new();
    header(&mut out, grant, today, t);
    out.push('\n');
    totals(&mut out, status, Countdown::of(grant, today), t);
    out.push('\n');
    recipients(&mut out, status, t);
    out.push('\n');
    flags(&mut out, status, t);
    out
}

/// What a daily `--check` prints of a grant: with a warning or worse, the
/// header, the totals and the flags (the recipients' table is for `status`
/// itself); otherwise only the header's first line, so that the output of
/// every open grant stays short enough to read in a cron mail.
pub fn render_check(
    grant: &Grant,
    status: &GrantStatus,
    today: NaiveDate,
    t: &CommandWords,
    attention: bool,
) -> String {
    let mut out = String::new();
    header(&mut out, grant, today, t);
    if !attention {
        out.truncate(out.find('\n').map_or(out.len(), |end| end + 1));
        return out;
    }
    out.push('\n');
    totals(&mut out, status, Countdown::of(grant, today), t);
    out.push('\n');
    flags(&mut out, status, t);
    out
}

fn header(out: &mut String, grant: &Grant, today: NaiveDate, t: &CommandWords) {
    let countdown = t.countdown(Countdown::of(grant, today));
    out.push_str(&format!(
        "{} · {} · {} · {countdown}\n",
        printable(&grant.title),
        printable(&grant.giver),
        grant.year
    ));
    out.push_str(&t.dates_line(grant.use_from, grant.use_until, grant.report_due, today));
    out.push('\n');
}

fn totals(out: &mut String, s: &GrantStatus, countdown: Countdown, t: &CommandWords) {
    let return_label = if countdown.return_is_due() {
        t.to_return
    } else {
        t.not_yet_used
    };
    let rows = [
        (t.received, s.received),
        (t.allocated, s.allocated),
        (t.unallocated, s.unallocated),
        (t.used, s.used),
        (t.credited, s.credited),
        (return_label, s.to_return),
        (t.repaid, s.repaid),
        (t.outstanding, s.outstanding),
    ];
    let numbers: Vec<String> = rows.iter().map(|(_, m)| m.format(t.lang)).collect();
    let label_w = rows.iter().map(|(l, _)| l.width()).max().unwrap_or(0);
    let number_w = numbers.iter().map(|n| n.width()).max().unwrap_or(0);
    for ((label, _), number) in rows.iter().zip(&numbers) {
        out.push_str(&pad_right(label, label_w));
        out.push_str(GAP);
        out.push_str(&t.amount_with_unit(number, number_w));
        out.push('\n');
    }
}

/// How a cell lines up in its column.
#[derive(Clone, Copy)]
enum Align {
    Left,
    Right,
}

fn recipients(out: &mut String, s: &GrantStatus, t: &CommandWords) {
    if s.recipients.is_empty() {
        out.push_str(t.no_recipients);
        out.push('\n');
        return;
    }
    let num = |m: Money| m.format(t.lang);
    let aligns = [
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Left,
    ];
    let mut rows: Vec<[String; 5]> = vec![[
        t.col_recipient.to_string(),
        t.col_allocated.to_string(),
        t.col_used.to_string(),
        t.col_unused.to_string(),
        t.col_status.to_string(),
    ]];
    for r in &s.recipients {
        rows.push([
            printable(&r.name),
            num(r.allocated),
            num(r.used),
            num(r.unused),
            t.status_word(r.status).to_string(),
        ]);
    }
    rows.push([
        t.total_row.to_string(),
        num(s.allocated),
        num(s.used),
        num(s.unused),
        String::new(),
    ]);
    let mut widths = [0usize; 5];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .zip(widths)
            .zip(aligns)
            .map(|((cell, w), a)| match a {
                Align::Left => pad_right(cell, w),
                Align::Right => pad_left(cell, w),
            })
            .collect();
        out.push_str(cells.join(GAP).trim_end());
        out.push('\n');
    }
}

fn flags(out: &mut String, s: &GrantStatus, t: &CommandWords) {
    out.push_str(t.flags_heading);
    out.push('\n');
    if s.flags.is_empty() {
        out.push_str(t.no_flags);
        out.push('\n');
        return;
    }
    let symbol_w = s.flags.iter().map(|f| f.severity().symbol().width()).max();
    let label_w = s
        .flags
        .iter()
        .map(|f| crate::i18n::flags::severity(f.severity(), t.lang).width())
        .max();
    for f in &s.flags {
        let sev = f.severity();
        out.push_str(&pad_right(sev.symbol(), symbol_w.unwrap_or(0)));
        out.push(' ');
        out.push_str(&pad_right(
            crate::i18n::flags::severity(sev, t.lang),
            label_w.unwrap_or(0),
        ));
        out.push_str(GAP);
        out.push_str(&crate::i18n::flags::message(f, t.lang));
        out.push('\n');
    }
}

/// Pads with spaces to `width` columns on the terminal (not chars, not
/// bytes), text first.
pub fn pad_right(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(s.width())))
}

/// Pads with spaces to `width` terminal columns, text last.
pub fn pad_left(s: &str, width: usize) -> String {
    format!("{}{s}", " ".repeat(width.saturating_sub(s.width())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::commands::{EN, SV};
    use crate::store::Store;

    /// The demo's grant on 2018-03-01, when it has warnings.
    fn demo_status() -> (Grant, GrantStatus, NaiveDate) {
        let mut store = Store::open_in_memory().unwrap();
        let id = crate::demo::write(&mut store).unwrap();
        let today = NaiveDate::from_ymd_opt(2018, 3, 1).unwrap();
        let (grant, status) = store.grant_status(id, today).unwrap();
        (grant, status, today)
    }

    fn demo_text(t: &CommandWords) -> String {
        let (grant, status, today) = demo_status();
        render(&grant, &status, today, t)
    }

    #[test]
    fn table_lines_up_by_display_width() {
        for t in [&SV, &EN] {
            let text = demo_text(t);
            let table: Vec<&str> = text
                .lines()
                .skip_while(|l| !l.starts_with(t.col_recipient))
                .take_while(|l| !l.is_empty())
                .collect();
            assert_eq!(table.len(), 17, "header, 15 recipients, total");
            // The allocated column ends at the same place on every line.
            let header_end = table[0].find(t.col_allocated).unwrap() + t.col_allocated.len();
            let col_end = table[0][..header_end].width();
            for line in &table[1..] {
                let mut w = 0;
                let mut end_char = None;
                for ch in line.chars() {
                    w += unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
                    if w == col_end {
                        end_char = Some(ch);
                    }
                }
                assert!(end_char.is_some_and(|c| c.is_ascii_digit()), "{line}");
            }
        }
    }

    #[test]
    fn totals_and_flags_are_shown() {
        let text = demo_text(&SV);
        assert!(text.contains("Att återbetala    577 468 kr"), "{text}");
        assert!(
            text.contains("! varning  Bromma: 0 av 180 000 kr använt"),
            "{text}"
        );
        let text = demo_text(&EN);
        assert!(text.contains("To return    SEK   577,468"), "{text}");
        assert!(
            text.contains("\nÖstermalm                170,000     98,700   71,300  partial\n"),
            "{text}"
        );
    }

    #[test]
    fn the_check_prints_totals_and_flags_but_not_the_recipients() {
        let (grant, status, today) = demo_status();
        let text = render_check(&grant, &status, today, &SV, true);
        assert!(text.contains("Att återbetala    577 468 kr"), "{text}");
        assert!(
            text.contains("! varning  Bromma: 0 av 180 000 kr använt"),
            "{text}"
        );
        assert!(!text.contains(SV.col_recipient), "{text}");
        let full = render(&grant, &status, today, &SV);
        assert_eq!(
            render_check(&grant, &status, today, &SV, false),
            format!("{}\n", full.lines().next().unwrap()),
            "a grant without problems is one line"
        );
    }

    #[test]
    fn padding_counts_columns_not_bytes() {
        assert_eq!(pad_right("Älvsjö", 8), "Älvsjö  ");
        assert_eq!(pad_left("−300", 6), "  −300");
    }
}
