//! Writing the report next to the review, as the console will: the path it lands on, an
//! earlier export replaced, anything else left alone unless the person said yes.

mod export_support;

use export_support::demo;
use waterline::export::{self, ExportError, Format, Options, Replace};

fn folder() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let review = dir.path().join("2026-03-06-card-payments.toml");
    std::fs::write(&review, waterline::assets::DEMO).unwrap();
    (dir, review)
}

fn write(
    review: &std::path::Path,
    format: Format,
    replace: Replace,
) -> Result<std::path::PathBuf, ExportError> {
    export::write_beside(review, &demo(), format, &Options::default(), replace)
        .map(|(path, _)| path)
}

#[test]
fn the_report_lands_beside_the_review_named_after_it() {
    let (dir, review) = folder();
    for (format, name) in [
        (Format::Markdown, "2026-03-06-card-payments.md"),
        (Format::Html, "2026-03-06-card-payments.html"),
        (Format::Json, "2026-03-06-card-payments.json"),
    ] {
        let path = write(&review, format, Replace::OwnExportOnly).expect("written");
        assert_eq!(path, dir.path().join(name));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("Card payments declined"));
        assert!(export::is_own_export(&path, "2026-03-06-card-payments.toml"));
    }
    // Nothing half-written is left behind.
    let files = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(files, 4);
}

#[test]
fn an_earlier_export_of_the_review_is_replaced() {
    let (_dir, review) = folder();
    let path = write(&review, Format::Markdown, Replace::OwnExportOnly).unwrap();
    let mut earlier = std::fs::read_to_string(&path).unwrap();
    earlier.push_str("\nAn old line that the next export drops.\n");
    std::fs::write(&path, &earlier).unwrap();
    write(&review, Format::Markdown, Replace::OwnExportOnly).expect("replaced");
    assert!(!std::fs::read_to_string(&path).unwrap().contains("An old line"));
}

#[test]
fn a_file_that_is_not_an_export_of_this_review_is_left_alone() {
    let (dir, review) = folder();
    let notes = dir.path().join("2026-03-06-card-payments.md");
    std::fs::write(&notes, "# My own notes\n").unwrap();
    let err = write(&review, Format::Markdown, Replace::OwnExportOnly).unwrap_err();
    assert!(matches!(&err, ExportError::NotAnExport(p) if *p == notes), "{err}");
    assert!(err.to_string().contains("is not an earlier export of this review"));
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "# My own notes\n");

    // An export of another review is not this review's either.
    let other =
        export::render(&demo(), "another-review.toml", Format::Markdown, &Options::default());
    std::fs::write(&notes, &other.text).unwrap();
    assert!(write(&review, Format::Markdown, Replace::OwnExportOnly).is_err());

    // Once the person has said yes, it is replaced.
    write(&review, Format::Markdown, Replace::Confirmed).expect("replaced after asking");
    assert!(export::is_own_export(&notes, "2026-03-06-card-payments.toml"));
}

#[test]
fn a_review_named_like_its_report_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("review.md");
    std::fs::write(&review, waterline::assets::DEMO).unwrap();
    let err = write(&review, Format::Markdown, Replace::Confirmed).unwrap_err();
    assert!(matches!(err, ExportError::SameAsReview(_)));
    assert_eq!(std::fs::read_to_string(&review).unwrap(), waterline::assets::DEMO);
}

#[test]
fn a_folder_that_cannot_be_written_is_an_error_not_a_panic() {
    let review = std::path::Path::new("/proc/waterline-no-such-dir/review.toml");
    let err = write(review, Format::Html, Replace::OwnExportOnly).unwrap_err();
    assert!(matches!(err, ExportError::Io { .. }), "{err}");
}
