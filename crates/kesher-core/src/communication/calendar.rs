//! Meetings as iCalendar (RFC 5545): the object an invitation carries (`METHOD:REQUEST`,
//! or `CANCEL` when the meeting is called off) and the feeds calendar programs subscribe
//! to (`PUBLISH`). Times are written in UTC, converted from Israel's local time through
//! `Asia/Jerusalem`, so every calendar places a meeting right on both sides of a change of
//! the clocks, whatever zone the reader is in.

use chrono::{Duration, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};
use kesher_domain::meetings::{MeetingAnswer, instant};
use kesher_store::Meeting;

/// What a calendar object asks of its reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// A feed: here are the meetings.
    Publish,
    /// An invitation, or its update: add it, and answer.
    Request,
    /// The meeting is called off.
    Cancel,
}

impl Method {
    pub fn code(self) -> &'static str {
        match self {
            Method::Publish => "PUBLISH",
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }
}

/// The one person an invitation is addressed to, with their answer so far.
pub struct Attendee<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub answer: Option<MeetingAnswer>,
}

/// What a calendar shows of one meeting.
pub struct MeetingEvent<'a> {
    pub meeting: &'a Meeting,
    /// "Steering committee 3", in the reader's language.
    pub title: String,
    /// The objectives and the agenda, as plain text.
    pub description: String,
    /// The meeting's page.
    pub url: String,
    /// The address replies from a calendar program go to (the coordinator who sent it).
    pub organizer: Option<(&'a str, &'a str)>,
    pub attendee: Option<Attendee<'a>>,
}

/// A meeting's stable identifier in every calendar: the same for its invitation, every
/// update and every feed, so a calendar keeps one entry for it.
pub fn uid(meeting: &Meeting, host: &str) -> String {
    format!("meeting-{}@{host}", meeting.id)
}

fn partstat(answer: Option<MeetingAnswer>) -> &'static str {
    match answer {
        Some(MeetingAnswer::Yes) => "ACCEPTED",
        Some(MeetingAnswer::No) => "DECLINED",
        Some(MeetingAnswer::Maybe) => "TENTATIVE",
        None => "NEEDS-ACTION",
    }
}

/// A calendar of `events` with `method`, as RFC 5545 text.
pub fn calendar(method: Method, name: &str, host: &str, events: &[MeetingEvent<'_>]) -> String {
    // Each of these once (RFC 5545): `Calendar::new` would add its own PRODID beside ours.
    let mut calendar = Calendar::empty();
    calendar.append_property(Property::new("VERSION", "2.0"));
    calendar.append_property(Property::new("PRODID", "-//Kesher//Meetings//HE"));
    calendar.append_property(Property::new("CALSCALE", "GREGORIAN"));
    calendar.append_property(Property::new("METHOD", method.code()));
    calendar.name(name);
    for e in events {
        let meeting = e.meeting;
        let starts = instant(meeting.starts_at);
        let cancelled = method == Method::Cancel || meeting.cancelled_at.is_some();
        let mut event = Event::new();
        event
            .uid(&uid(meeting, host))
            .sequence(meeting.sequence)
            .timestamp(Utc::now())
            .starts(starts)
            .ends(starts + Duration::minutes(i64::from(meeting.duration_minutes)))
            .summary(&e.title)
            .description(&e.description)
            .url(&e.url)
            .status(if cancelled {
                EventStatus::Cancelled
            } else {
                EventStatus::Confirmed
            });
        if let Some(location) = &meeting.location {
            event.location(location);
        }
        if let Some((name, email)) = e.organizer {
            event.append_property(
                Property::new("ORGANIZER", format!("mailto:{email}"))
                    .add_parameter("CN", name)
                    .done(),
            );
        }
        if let Some(attendee) = &e.attendee {
            event.append_property(
                Property::new("ATTENDEE", format!("mailto:{}", attendee.email))
                    .add_parameter("CN", attendee.name)
                    .add_parameter("ROLE", "REQ-PARTICIPANT")
                    .add_parameter("PARTSTAT", partstat(attendee.answer))
                    .add_parameter("RSVP", "TRUE")
                    .done(),
            );
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_calendar_names_its_product_version_and_method_once() {
        let text = calendar(Method::Publish, "יוזמה", "kesher.example", &[]);
        for property in ["VERSION:", "PRODID:", "CALSCALE:", "METHOD:"] {
            assert_eq!(
                text.lines().filter(|l| l.starts_with(property)).count(),
                1,
                "{property} in {text}"
            );
        }
        assert!(text.contains("METHOD:PUBLISH"));
    }
}
