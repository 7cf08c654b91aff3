//! Times as a room reads them: one offset for the whole review, an event recorded in
//! another offset marked, typed times read in the review's offset, one event per milestone.

mod common;

use common::*;
use waterline::model::Session;
use waterline::tui::keymap::KeyInput;

/// Two events in -08:00 and, between them, one pasted from a UTC log.
fn s3_session() -> Session {
    let mut s = Session::new("S3 outage");
    s.events = vec![
        event("e1", "2017-02-28T09:45:00-08:00", "Errors climb"),
        event("e2", "2017-02-28T17:52:00Z", "Status page updated"),
        event("e3", "2017-02-28T10:05:00-08:00", "Index subsystem restarts"),
    ];
    s
}

fn select(m: &mut waterline::tui::app::Model, id: &str) {
    m.doc.as_mut().expect("open").select_event(id);
}

fn times_of(m: &waterline::tui::app::Model) -> Vec<String> {
    session(m).events.iter().map(|e| e.at.to_rfc3339()).collect()
}

#[test]
fn a_time_recorded_in_another_offset_is_shown_in_the_reviews_and_marked() {
    let mut m = open(s3_session());
    select(&mut m, "e2");
    let screen = show(&mut m, 120, 40);
    assert_shows(
        &screen,
        &["times in -08:00", "09:52±", "recorded as 28 Feb 17:52:00 +00:00"],
        "the timeline",
    );
    assert!(!screen.contains("17:52 "), "the list never shows the UTC clock time:\n{screen}");
    // The list is the left pane: each time's row, read there only.
    let list_row =
        |t: &str| screen.lines().position(|l| l.chars().take(82).collect::<String>().contains(t));
    let order: Vec<usize> =
        ["09:45", "09:52", "10:05"].iter().map(|t| list_row(t).expect("shown")).collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "listed by instant:\n{screen}");
    insta::assert_snapshot!("timeline__recorded_elsewhere__120x40", screen);
}

#[test]
fn a_typed_time_after_a_pasted_utc_event_takes_the_reviews_offset() {
    let mut m = open(s3_session());
    select(&mut m, "e2");
    add_event(&mut m, "10:00", "Engineers start the restart");
    let added = session(&m).events.iter().find(|e| e.text.starts_with("Engineers")).expect("added");
    assert_eq!(added.at.to_rfc3339(), "2017-02-28T10:00:00-08:00", "not 10:00 UTC");
    select(&mut m, "e2");
    add_event(&mut m, "+3m", "Three minutes after the status page");
    let later = session(&m).events.iter().find(|e| e.text.starts_with("Three")).expect("added");
    assert_eq!(later.at.to_rfc3339(), "2017-02-28T09:55:00-08:00");
    assert_eq!(
        times_of(&m),
        [
            "2017-02-28T09:45:00-08:00",
            "2017-02-28T17:52:00+00:00",
            "2017-02-28T09:55:00-08:00",
            "2017-02-28T10:00:00-08:00",
            "2017-02-28T10:05:00-08:00"
        ],
        "the pasted event keeps the offset it was recorded in, and order is by instant"
    );
}

fn shared_instant() -> Session {
    let mut s = Session::new("S3 outage");
    s.events = vec![
        event("e1", "2017-02-28T09:37:00-08:00", "The command is run"),
        event("e2", "2017-02-28T17:37:00Z", "Requests start failing"),
        event("e3", "2017-02-28T09:45:00-08:00", "Errors climb"),
    ];
    s
}

#[test]
fn a_milestone_is_marked_on_one_event_even_when_two_share_its_time() {
    let mut m = open(shared_instant());
    select(&mut m, "e1");
    keys(&mut m, "S");
    let screen = show(&mut m, 120, 40);
    assert_eq!(screen.matches("◆ST").count(), 1, "one start mark:\n{screen}");
    select(&mut m, "e2");
    keys(&mut m, "S");
    let notice = m.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default();
    assert!(notice.contains("marked on e1"), "says where the mark is: {notice}");
    assert_eq!(
        session(&m).incident.started_at.map(|t| t.to_rfc3339()).as_deref(),
        Some("2017-02-28T09:37:00-08:00"),
        "pressing on the twin keeps the start"
    );
}

#[test]
fn setting_a_milestone_on_another_event_moves_it_and_one_undo_moves_it_back() {
    let mut m = open(shared_instant());
    select(&mut m, "e1");
    keys(&mut m, "S");
    select(&mut m, "e3");
    keys(&mut m, "S");
    let screen = show(&mut m, 120, 40);
    assert_eq!(screen.matches("◆ST").count(), 1, "the mark moved:\n{screen}");
    let row = screen.lines().find(|l| l.contains("◆ST")).unwrap_or_default();
    assert!(row.contains("Errors climb"), "on the event it was set on: {row}");
    m.press(KeyInput::char('u'));
    let start = session(&m).incident.started_at.map(|t| t.to_rfc3339());
    assert_eq!(start.as_deref(), Some("2017-02-28T09:37:00-08:00"), "one undo moves it back");
    let screen = show(&mut m, 120, 40);
    assert_eq!(screen.matches("◆ST").count(), 1, "back on one event only:\n{screen}");
}

#[test]
fn marking_an_event_recorded_in_utc_keeps_the_start_in_the_reviews_offset() {
    let mut m = open(s3_session());
    select(&mut m, "e2");
    keys(&mut m, "S");
    let start = session(&m).incident.started_at.map(|t| t.to_rfc3339());
    assert_eq!(start.as_deref(), Some("2017-02-28T09:52:00-08:00"));
    let screen = show(&mut m, 120, 40);
    assert_shows(&screen, &["times in -08:00", "◆ST"], "the timeline");
}

/// The Factors and Behaviours steps name an event by the time the timeline shows for it.
#[test]
fn factors_and_behaviours_show_an_events_time_in_the_reviews_offset() {
    let mut s = s3_session();
    s.factors = vec![waterline::model::Factor {
        id: "f1".into(),
        text: "The status page depends on the region it reports on".into(),
        category: waterline::model::Category::Dependency,
        events: vec!["e2".into()],
        ..Default::default()
    }];
    s.behaviours = vec![waterline::model::Behaviour {
        id: "b1".into(),
        act: "Updated the status page by hand".into(),
        event: Some("e2".into()),
        ..Default::default()
    }];
    let mut m = open(s);
    keys(&mut m, "3");
    let factors = show(&mut m, 120, 40);
    assert_shows(&factors, &["← 09:52± e2"], "the factor's evidence");
    assert!(!factors.contains("17:52"), "never the UTC clock time:\n{factors}");
    keys(&mut m, "4");
    let behaviours = show(&mut m, 120, 40);
    assert_shows(&behaviours, &["at e2 09:52±"], "the act's event");
    assert!(!behaviours.contains("17:52"), "never the UTC clock time:\n{behaviours}");
}
