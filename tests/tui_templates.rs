//! `x` and `X` in the main view write the districts' Excel templates (of
//! the whole grant, or of the selected recipient) into a folder named
//! after the grant, say where, and ask before writing over a file.

mod support;

use medel::domain::Lang;
use medel::exchange::read_xlsx;
use support::ui::Ui;

const FOLDER: &str = "Utvecklingsmedel VINR 2017";

fn xlsx_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the folder was made")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn x_writes_every_recipients_template_and_says_where() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ui = Ui::demo(Lang::En);
    ui.set_report_dir(dir.path());
    ui.keys("x");
    let folder = dir.path().join(FOLDER);
    assert_eq!(
        ui.message(),
        format!("Wrote 15 workbooks in {}", folder.display())
    );
    let names = xlsx_in(&folder);
    assert_eq!(names.len(), 15, "{names:?}");
    let bromma = std::fs::read(folder.join("Bromma.xlsx")).expect("Bromma's");
    let filled = read_xlsx(&bromma).expect("a template");
    assert_eq!(filled.identity.recipient, "Bromma");
}

#[test]
fn shift_x_writes_the_selected_recipients_template_and_asks_before_writing_over_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ui = Ui::demo(Lang::Sv);
    ui.set_report_dir(dir.path());
    let selected = ui.selected();
    let name = selected
        .split_whitespace()
        .next()
        .expect("a name")
        .to_string();
    ui.keys("X");
    let folder = dir.path().join(FOLDER);
    assert_eq!(
        ui.message(),
        format!("Skrev 1 arbetsbok i {}", folder.display())
    );
    let file = folder.join(format!("{name}.xlsx"));
    assert_eq!(xlsx_in(&folder), [format!("{name}.xlsx")]);

    // There already: asked, and no keeps the file as it is.
    std::fs::write(&file, b"the district's own copy").expect("write");
    ui.keys("X");
    let screen = ui.screen();
    assert!(
        screen.contains("1 av 1 arbetsböcker finns redan i"),
        "{screen}"
    );
    ui.keys("n");
    assert_eq!(
        std::fs::read(&file).expect("read"),
        b"the district's own copy"
    );
    ui.keys("X");
    ui.keys("y");
    let again = std::fs::read(&file).expect("read");
    assert_eq!(
        read_xlsx(&again)
            .expect("a template again")
            .identity
            .recipient,
        name
    );
    assert!(
        ui.message().starts_with("Skrev 1 arbetsbok i "),
        "{}",
        ui.message()
    );
}

#[test]
fn the_help_names_both_keys() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("?");
    let help = ui.screen_at(100, 80);
    assert!(
        help.contains("Excel templates for every recipient"),
        "{help}"
    );
    assert!(
        help.contains("Excel template for the selected recipient"),
        "{help}"
    );
}
