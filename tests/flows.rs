//! What a facilitator does, driven through `update` with no terminal.

mod common;

use common::*;
use waterline::model::{EventKind, Session};
use waterline::tui::app::{Overlay, update};
use waterline::tui::effects::Effect;
use waterline::tui::intent::Intent;
use waterline::tui::keymap::{KeyCode, KeyInput};
use waterline::tui::screens::form::Feedback;
use waterline::tui::screens::form::FieldKey;

fn started_session() -> Session {
    let mut s = Session::new("Checkout errors");
    s.incident.started_at =
        Some(chrono::DateTime::parse_from_rfc3339("2026-03-02T09:12:00+01:00").expect("time"));
    s
}

#[test]
fn adding_an_event_with_a_clock_time_takes_the_incident_date_and_offset() {
    let mut m = open(started_session());
    add_event(&mut m, "14:32", "Alert fired for checkout latency");
    let e = &session(&m).events[0];
    assert_eq!(e.at.to_rfc3339(), "2026-03-02T14:32:00+01:00");
    assert_eq!(e.text, "Alert fired for checkout latency");
    assert_eq!(e.id, "e1");
    assert!(m.overlay.is_none(), "the form closes after saving");
}

#[test]
fn an_empty_time_means_now() {
    let mut m = open(Session::new("t"));
    add_event(&mut m, "", "Room starts the review");
    assert_eq!(session(&m).events[0].at, fixed_now());
}

#[test]
fn an_unreadable_time_keeps_the_form_open_and_says_which_forms_work() {
    let mut m = open(started_session());
    add_event(&mut m, "25:99", "Something");
    assert!(session(&m).events.is_empty(), "nothing is added on a bad time");
    let Some(Overlay::Form(form)) = &m.overlay else { panic!("the form is still open") };
    let feedback = form.field(FieldKey::EventTime).and_then(|f| f.feedback.clone());
    let Some(Feedback::Problem(text)) = feedback else {
        panic!("a problem is shown: {feedback:?}")
    };
    assert!(text.contains("14:32"), "names the accepted forms: {text}");
    assert_eq!(form.focused().map(|f| f.label), Some("Time"));
}

#[test]
fn relative_times_count_from_the_selected_event() {
    let mut m = open(started_session());
    add_event(&mut m, "10:00", "First");
    add_event(&mut m, "+5m", "Five minutes later");
    let times: Vec<String> =
        session(&m).events.iter().map(|e| e.at.format("%H:%M").to_string()).collect();
    assert_eq!(times, ["10:00", "10:05"]);
}

#[test]
fn events_stay_in_time_order_whatever_order_they_are_typed() {
    let mut m = open(started_session());
    add_event(&mut m, "10:30", "Rollback");
    add_event(&mut m, "09:31", "Support reports failures");
    add_event(&mut m, "10:00", "Incident declared");
    assert_eq!(texts(&m), ["Support reports failures", "Incident declared", "Rollback"]);
}

#[test]
fn single_letter_keys_are_typed_in_a_form_not_run() {
    let mut m = open(started_session());
    add_event(&mut m, "10:00", "quit? delete x and add a");
    assert!(!m.quitting);
    assert_eq!(texts(&m), ["quit? delete x and add a"]);
}

#[test]
fn editing_changes_the_selected_event_in_place() {
    let mut m = open(started_session());
    add_event(&mut m, "10:00", "Rollbak");
    enter(&mut m);
    key(&mut m, KeyInput::plain(KeyCode::Backspace));
    key(&mut m, KeyInput::plain(KeyCode::Backspace));
    keys(&mut m, "ack started");
    enter(&mut m);
    assert_eq!(texts(&m), ["Rollback started"]);
    assert_eq!(session(&m).events[0].id, "e1");
}

#[test]
fn kind_is_chosen_with_arrows_or_a_letter() {
    let mut m = open(started_session());
    keys(&mut m, "a10:00");
    tab(&mut m);
    keys(&mut m, "m");
    tab(&mut m);
    keys(&mut m, "Rolled back");
    enter(&mut m);
    assert_eq!(session(&m).events[0].kind, EventKind::Mitigation);
}

#[test]
fn delete_then_undo_brings_the_event_back_and_redo_removes_it_again() {
    let mut m = open(started_session());
    add_event(&mut m, "10:00", "One");
    add_event(&mut m, "10:05", "Two");
    keys(&mut m, "x");
    assert_eq!(texts(&m), ["One"]);
    key(&mut m, KeyInput::ctrl('z'));
    assert_eq!(texts(&m), ["One", "Two"]);
    key(&mut m, KeyInput::ctrl('y'));
    assert_eq!(texts(&m), ["One"]);
}

#[test]
fn undo_walks_back_through_add_edit_and_delete() {
    let mut m = open(started_session());
    add_event(&mut m, "10:00", "One");
    enter(&mut m);
    keys(&mut m, "!");
    enter(&mut m);
    keys(&mut m, "x");
    assert!(texts(&m).is_empty());
    keys(&mut m, "u");
    assert_eq!(texts(&m), ["One!"]);
    keys(&mut m, "u");
    assert_eq!(texts(&m), ["One"]);
    keys(&mut m, "u");
    assert!(texts(&m).is_empty());
    keys(&mut m, "u");
    assert_eq!(m.notice.as_ref().map(|n| n.text.as_str()), Some("Nothing to undo"));
}

#[test]
fn ids_are_not_reused_after_a_delete() {
    let mut m = open(started_session());
    add_event(&mut m, "10:00", "One");
    add_event(&mut m, "10:05", "Two");
    keys(&mut m, "x");
    add_event(&mut m, "10:10", "Three");
    let ids: Vec<&str> = session(&m).events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["e1", "e3"]);
}

#[test]
fn pasting_several_lines_offers_one_event_per_line_with_their_times() {
    let mut m = open(started_session());
    keys(&mut m, "a");
    tab(&mut m);
    tab(&mut m);
    update(
        &mut m,
        Intent::Paste("[09:31] Support: card payments failing\r\n09:40 Page sent\r\n\x1b[31mDev acks\x1b[0m\r\n".into()),
    );
    let Some(Overlay::PasteOffer { events, .. }) = &m.overlay else {
        panic!("the paste is offered")
    };
    assert_eq!(events.len(), 3);
    enter(&mut m);
    let events = &session(&m).events;
    assert_eq!(texts(&m), ["Support: card payments failing", "Page sent", "Dev acks"]);
    let times: Vec<String> = events.iter().map(|e| e.at.format("%H:%M").to_string()).collect();
    assert_eq!(times, ["09:31", "09:40", "09:40"], "a line without a time follows the one before");
    keys(&mut m, "u");
    assert!(texts(&m).is_empty(), "one undo removes the whole paste");
}

#[test]
fn declining_the_paste_offer_keeps_the_text_in_the_field() {
    let mut m = open(started_session());
    keys(&mut m, "a");
    tab(&mut m);
    tab(&mut m);
    update(&mut m, Intent::Paste("first\nsecond".into()));
    esc(&mut m);
    let Some(Overlay::Form(form)) = &m.overlay else { panic!("back in the form") };
    assert_eq!(form.value(FieldKey::EventText), "first second");
}

#[test]
fn marking_milestones_sets_the_incident_times_and_marking_again_clears() {
    let mut m = open(started_session());
    add_event(&mut m, "09:31", "Support reports failures");
    keys(&mut m, "D");
    let detected = session(&m).incident.detected_at.map(|t| t.to_rfc3339());
    assert_eq!(detected.as_deref(), Some("2026-03-02T09:31:00+01:00"));
    add_event(&mut m, "10:40", "Rollback complete");
    keys(&mut m, "MR");
    assert!(session(&m).incident.mitigated_at.is_some());
    assert!(session(&m).incident.resolved_at.is_some());
    keys(&mut m, "R");
    assert!(session(&m).incident.resolved_at.is_none());
}

#[test]
fn a_change_is_saved_on_the_next_tick_and_only_once() {
    let mut m = open(started_session());
    assert!(update(&mut m, Intent::Tick).is_empty(), "nothing to save yet");
    add_event(&mut m, "10:00", "One");
    let effects = update(&mut m, Intent::Tick);
    let [Effect::Save { session, .. }] = effects.as_slice() else {
        panic!("one save: {effects:?}")
    };
    assert_eq!(session.events[0].text, "One");
    assert!(update(&mut m, Intent::Tick).is_empty());
}

#[test]
fn a_failed_save_keeps_the_edits_warns_and_retries() {
    let mut m = open(started_session());
    add_event(&mut m, "10:00", "One");
    let _ = update(&mut m, Intent::Tick);
    update(
        &mut m,
        Intent::SaveFailed("could not save review.toml: No space left on device".into()),
    );
    assert_eq!(texts(&m), ["One"]);
    assert!(m.doc.as_ref().and_then(|d| d.save_error.as_ref()).is_some());
    assert!(matches!(update(&mut m, Intent::Tick).as_slice(), [Effect::Save { .. }]));
}

fn keys_effects(m: &mut waterline::tui::app::Model, c: char) -> Vec<Effect> {
    m.press(KeyInput::char(c))
}

fn quit(m: &mut waterline::tui::app::Model) -> Vec<Effect> {
    m.press(KeyInput::ctrl('c'))
}

#[test]
fn quitting_with_unsaved_changes_saves_first_and_quits_once_saved() {
    let mut m = open(started_session());
    add_event(&mut m, "10:00", "One");
    let effects = quit(&mut m);
    assert!(matches!(effects.as_slice(), [Effect::Save { .. }]), "{effects:?}");
    let after = update(&mut m, Intent::Saved(chrono::Local::now()));
    assert_eq!(after, [Effect::Quit]);
}

#[test]
fn a_save_failing_while_quitting_keeps_the_console_open_and_says_so() {
    let mut m = open(started_session());
    add_event(&mut m, "10:00", "One");
    let _ = quit(&mut m);
    let after = update(&mut m, Intent::SaveFailed("disk full".into()));
    assert!(after.is_empty(), "no quit while the edits exist only in memory");
    assert!(m.notice.as_ref().is_some_and(|n| n.problem));
    assert_eq!(texts(&m), ["One"]);
    let second = quit(&mut m);
    assert!(
        matches!(second.as_slice(), [Effect::Rescue { text, .. }] if text.contains("One")),
        "{second:?}"
    );
}

#[test]
fn after_a_failed_autosave_the_first_quit_explains_and_the_second_keeps_a_rescue_copy() {
    let mut m = open(started_session());
    add_event(&mut m, "10:00", "One");
    let _ = update(&mut m, Intent::Tick);
    update(&mut m, Intent::SaveFailed("disk full".into()));
    let first = quit(&mut m);
    assert!(!first.contains(&Effect::Quit), "the first quit explains instead of quitting");
    assert!(m.notice.as_ref().is_some_and(|n| n.problem));
    let _ = update(&mut m, Intent::SaveFailed("disk full".into()));
    let second = quit(&mut m);
    let [Effect::Rescue { then, .. }] = second.as_slice() else { panic!("{second:?}") };
    let path = std::path::PathBuf::from("rescue.toml");
    let done = update(&mut m, Intent::Rescued { result: Ok(path), then: *then });
    assert_eq!(done, [Effect::Quit]);
}

#[test]
fn closing_a_review_saves_then_returns_home() {
    let mut m = open(started_session());
    add_event(&mut m, "10:00", "One");
    let effects = keys_effects(&mut m, 'q');
    assert!(matches!(effects.as_slice(), [Effect::Save { .. }]), "{effects:?}");
    assert!(m.doc.is_some(), "still open until the save lands");
    let after = update(&mut m, Intent::Saved(chrono::Local::now()));
    assert_eq!(after, [Effect::ListReviews]);
    assert!(m.doc.is_none());
    assert_eq!(m.screen, waterline::tui::app::Screen::Home);
}

#[test]
fn closing_a_review_opened_directly_quits() {
    let mut m = open(started_session());
    m.has_home = false;
    assert_eq!(keys_effects(&mut m, 'q'), [Effect::Quit]);
}

#[test]
fn a_read_only_review_refuses_edits_and_says_why() {
    let mut m = model();
    let loaded = waterline::store::Loaded {
        session: started_session(),
        read_only: true,
        notices: vec!["written by a newer waterline".into()],
    };
    update(
        &mut m,
        Intent::Loaded { path: "new.toml".into(), result: Ok(Box::new(loaded)), demo: false },
    );
    keys(&mut m, "a");
    assert!(m.overlay.is_none());
    assert!(m.notice.as_ref().is_some_and(|n| n.problem));
    let effects = update(&mut m, Intent::Tick);
    assert!(!effects.iter().any(|e| matches!(e, Effect::Save { .. })), "never saved: {effects:?}");
}

#[test]
fn incident_details_form_updates_title_severity_and_participants() {
    let mut m = open(started_session());
    keys(&mut m, "i");
    tab(&mut m);
    keys(&mut m, "SEV2");
    for _ in 0..5 {
        tab(&mut m);
    }
    keys(&mut m, "Ana (facilitator)");
    tab(&mut m);
    keys(&mut m, "Dev (on-call), Sam");
    enter(&mut m);
    let i = &session(&m).incident;
    assert_eq!(i.severity, "SEV2");
    assert_eq!(i.facilitator, "Ana (facilitator)");
    assert_eq!(i.participants.len(), 2);
    assert_eq!(i.participants[0].role, "on-call");
}

#[test]
fn steps_are_reached_by_tab_and_by_number() {
    let mut m = open(started_session());
    tab(&mut m);
    assert_eq!(m.doc.as_ref().map(|d| d.step.title()), Some("Whys"));
    keys(&mut m, "6");
    assert_eq!(m.doc.as_ref().map(|d| d.step.title()), Some("Review"));
    keys(&mut m, "1");
    assert_eq!(m.doc.as_ref().map(|d| d.step.title()), Some("Timeline"));
}

#[test]
fn home_new_review_asks_for_a_title_and_refuses_an_empty_one() {
    let mut m = model();
    keys(&mut m, "n");
    let effects = enter(&mut m);
    assert!(effects.is_empty(), "no review without a title");
    keys(&mut m, "Payment API errors");
    let effects = enter(&mut m);
    assert_eq!(
        effects,
        [Effect::CreateReview { title: "Payment API errors".into(), template: "standard".into() }]
    );
}

#[test]
fn a_pasted_log_runs_forward_across_midnight() {
    let mut m = open(started_session());
    keys(&mut m, "a");
    update(&mut m, Intent::Paste("14:10 Deploy\n23:58 Errors climb\n00:04 Page sent".into()));
    enter(&mut m);
    let times: Vec<String> =
        session(&m).events.iter().map(|e| e.at.format("%d %H:%M").to_string()).collect();
    assert_eq!(times, ["02 14:10", "02 23:58", "03 00:04"]);
}

#[test]
fn when_even_the_rescue_copy_fails_nothing_is_dropped() {
    let mut m = open(started_session());
    add_event(&mut m, "10:00", "One");
    let _ = update(&mut m, Intent::Tick);
    update(&mut m, Intent::SaveFailed("disk full".into()));
    let _ = quit(&mut m);
    let second = quit(&mut m);
    let [Effect::Rescue { then, .. }] = second.as_slice() else { panic!("{second:?}") };
    let after = update(&mut m, Intent::Rescued { result: Err("disk full".into()), then: *then });
    assert!(after.is_empty(), "still open");
    assert_eq!(texts(&m), ["One"]);
    assert!(matches!(update(&mut m, Intent::Tick).as_slice(), [Effect::Save { .. }]), "retried");
}

#[test]
fn a_long_field_goes_to_the_editor_and_comes_back() {
    let mut m = open(started_session());
    keys(&mut m, "i");
    for _ in 0..3 {
        tab(&mut m);
    }
    let effects = key(&mut m, KeyInput::ctrl('g'));
    assert_eq!(effects, [Effect::Editor { text: String::new() }]);
    update(&mut m, Intent::Edited(Ok("Payments failed.\nFor two hours.\n".into())));
    enter(&mut m);
    assert_eq!(session(&m).incident.summary, "Payments failed.\nFor two hours.");
}

#[test]
fn an_editor_that_fails_leaves_the_field_as_it_was_and_says_why() {
    let mut m = open(started_session());
    keys(&mut m, "i");
    let _ = key(&mut m, KeyInput::ctrl('g'));
    update(&mut m, Intent::Edited(Err("could not start nano: not found".into())));
    assert!(m.notice.as_ref().is_some_and(|n| n.problem && n.text.contains("nano")));
    let Some(Overlay::Form(form)) = &m.overlay else { panic!("the form stays open") };
    assert_eq!(form.value(FieldKey::Title), "Checkout errors");
}

#[test]
fn counts_of_one_are_singular() {
    use waterline::model::{Behaviour, Event, EventKind, Session, Why};
    let mut s = Session::new("Checkout errors");
    s.events.push(Event {
        id: "e1".into(),
        at: fixed_now(),
        kind: EventKind::Alert,
        text: "Alert fired".into(),
        source: String::new(),
        known_then: String::new(),
        extra: Default::default(),
    });
    s.whys.push(Why {
        id: "w1".into(),
        text: "The deploy skipped validation".into(),
        ..Why::default()
    });
    s.behaviours.push(Behaviour {
        id: "b1".into(),
        act: "Pushed the config".into(),
        ..Behaviour::default()
    });
    let mut m = open(s);
    for (key, one) in
        [('1', "Timeline · 1 event "), ('2', "Five Whys · 1 answer "), ('4', "Behaviours · 1 act ")]
    {
        keys(&mut m, &key.to_string());
        let screen = draw(&m, 120, 40);
        assert!(screen.contains(one), "{one:?} on:\n{screen}");
        for wrong in ["1 events", "1 answers", "1 acts"] {
            assert!(!screen.contains(wrong), "{wrong:?} on:\n{screen}");
        }
    }
}
