//! The base rotation: which instants make up rotation week `k`, and who it belongs to
//! before any holiday swap.
//!
//! Week `k` belongs to `rotation[k mod n]` of the team, until the first
//! [`RosterChange`](crate::RosterChange): from its week `c` on, week `k` belongs to
//! `change.rotation[(k - c) mod n']`, until the next change. A change never reaches back:
//! weeks before it are computed exactly as without it.
//!
//! Week `k` (k ≥ 0) starts at the team's handoff time, on the local date `epoch + 7k` in the
//! team's time zone, and ends where week `k + 1` starts. The wall-clock handoff never moves;
//! a daylight-saving change makes the week 167 or 169 hours long instead.
//!
//! When the handoff time does not exist on a date (the clocks jump forward over it), the week
//! starts at the first instant after the gap — the moment the clocks jump. When the handoff
//! time happens twice (the clocks fall back over it), the week starts at the earlier of the
//! two, so nobody is on call for an hour longer than the wall clock suggests. Before the
//! epoch there is no rotation: the lookups return `None`.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::shift::ShiftPattern;
use crate::{ScheduleInputs, WeekId};

/// One on-call week of the rotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RotationWeek {
    /// Weeks since the epoch; week 0 starts on the epoch date.
    pub index: u32,
    /// The ISO week of the start date, which names the week everywhere.
    pub id: WeekId,
    /// Handoff instant that starts the week (team zone).
    pub start: DateTime<Tz>,
    /// Handoff instant that ends the week: the next week's start.
    pub end: DateTime<Tz>,
}

impl RotationWeek {
    /// Length in whole hours: 168, or 167/169 across a daylight-saving change.
    pub fn hours(&self) -> i64 {
        (self.end - self.start).num_hours()
    }

    /// Exact length (some zones shift by 30 minutes).
    pub fn duration(&self) -> Duration {
        self.end - self.start
    }

    /// Local start date (the handoff day).
    pub fn start_date(&self) -> NaiveDate {
        self.start.date_naive()
    }

    /// The seven local dates from the start date on; a holiday on any of them makes this a
    /// holiday week for the engineer on call.
    pub fn dates(&self) -> [NaiveDate; 7] {
        week_dates(self.start_date())
    }

    /// Whether `instant` lies in `start ≤ instant < end`.
    pub fn contains(&self, instant: DateTime<Utc>) -> bool {
        self.start.with_timezone(&Utc) <= instant && instant < self.end.with_timezone(&Utc)
    }
}

pub(crate) fn week_dates(start: NaiveDate) -> [NaiveDate; 7] {
    // Saturating: the last representable dates just repeat instead of panicking.
    core::array::from_fn(|i| start.checked_add_signed(Duration::days(i as i64)).unwrap_or(start))
}

/// The base rotation of a team: week boundaries and the scheduled engineer of each week.
///
/// ```
/// # fn team() -> rota::ScheduleInputs {
/// #     use chrono::{NaiveDate, NaiveTime, Weekday};
/// #     rota::ScheduleInputs {
/// #         team: rota::Team {
/// #             name: "T".into(),
/// #             time_zone: chrono_tz::America::New_York,
/// #             handoff: rota::Handoff { weekday: Weekday::Mon, time: NaiveTime::from_hms_opt(9, 0, 0).unwrap() },
/// #             epoch: NaiveDate::from_ymd_opt(2025, 12, 29).unwrap(),
/// #             rotation: vec!["alice".into(), "bob".into()],
/// #             calendar: None,
/// #             reminders: vec![],
/// #             fallback_contacts: vec![],
/// #             layers: Default::default(),
/// #         },
/// #         engineers: vec![], calendars: vec![], leave: vec![], decisions: vec![],
/// #         roster_changes: vec![], covers: vec![], trades: vec![], elsewhere: vec![],
/// #     }
/// # }
/// let data = team();
/// let rotation = rota::Rotation::new(&data);
/// let w = rotation.week(9);
/// assert_eq!(w.id.to_string(), "2026-W10");
/// assert_eq!(w.hours(), 167); // New York clocks go forward on Sunday 8 March 2026
/// assert_eq!(rotation.scheduled(9), "bob");
/// assert_eq!(rotation.index_of_week("2026-W10".parse().unwrap()), Some(9));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Rotation<'a> {
    data: &'a ScheduleInputs,
}

impl<'a> Rotation<'a> {
    pub fn new(data: &'a ScheduleInputs) -> Rotation<'a> {
        Rotation { data }
    }

    /// The rotation's weeks as 7-day shifts.
    pub fn pattern(&self) -> ShiftPattern {
        let team = &self.data.team;
        ShiftPattern { zone: team.time_zone, epoch: team.epoch, days: 7, time: team.handoff.time }
    }

    /// Local start date of week `index`, if representable.
    pub fn start_date(&self, index: u32) -> Option<NaiveDate> {
        self.pattern().start_date(index)
    }

    /// Handoff instant on a local date, with the gap/overlap rules of [`crate::shift`].
    pub fn handoff_on(&self, date: NaiveDate) -> DateTime<Tz> {
        self.pattern().handoff_on(date)
    }

    /// Week `index`, or `None` when its dates are beyond what dates can represent (about
    /// the year 262000).
    pub fn try_week(&self, index: u32) -> Option<RotationWeek> {
        let pattern = self.pattern();
        let (start, end) = pattern.bounds(index)?;
        Some(RotationWeek { index, id: WeekId::of(start.date_naive()), start, end })
    }

    /// Week `index`.
    ///
    /// # Panics
    /// Only for indexes whose dates lie past the year 262000 (see [`Rotation::try_week`]).
    pub fn week(&self, index: u32) -> RotationWeek {
        self.try_week(index).expect("rotation week beyond the representable dates")
    }

    /// The rotation week whose start date lies in ISO week `id`; `None` before the epoch.
    pub fn index_of_week(&self, id: WeekId) -> Option<u32> {
        // Start dates are 7 days apart, so exactly one lies in each ISO week (Mon..Sun).
        let days = (id.monday() - self.data.team.epoch).num_days();
        let k = -(-days).div_euclid(7); // ceil(days / 7)
        u32::try_from(k).ok()
    }

    /// The rotation week whose seven dates include `date` (local); `None` before the epoch.
    pub fn index_of_date(&self, date: NaiveDate) -> Option<u32> {
        self.pattern().index_of_date(date)
    }

    /// The week containing `instant` (start ≤ instant < end); `None` before the first
    /// handoff.
    pub fn index_at(&self, instant: DateTime<Utc>) -> Option<u32> {
        self.pattern().index_at(instant)
    }

    /// Slug of the engineer the base rotation gives week `index` (before swaps), roster
    /// changes applied. Empty for a team without a rotation.
    pub fn scheduled(&self, index: u32) -> &'a str {
        let (order, first) = self.order_at(index);
        if order.is_empty() {
            return "";
        }
        &order[(index - first) as usize % order.len()]
    }

    /// The order in force in week `index`, and the week it took effect.
    pub fn order_at(&self, index: u32) -> (&'a [String], u32) {
        self.changes()
            .take_while(|(from, _)| *from <= index)
            .last()
            .map_or((&self.data.team.rotation[..], 0), |(from, change)| (&change.rotation[..], from))
    }

    /// The roster changes with the week index each takes effect from, in order.
    pub fn changes(&self) -> impl Iterator<Item = (u32, &'a crate::RosterChange)> + 'a {
        let rotation = *self;
        self.data.roster_changes.iter().filter_map(move |c| Some((rotation.index_of_week(c.from)?, c)))
    }

    /// The first roster change after week `index`, if any.
    pub fn next_change_after(&self, index: u32) -> Option<(u32, &'a crate::RosterChange)> {
        self.changes().find(|(from, _)| *from > index)
    }

    /// The first week after `index` that the order in force in week `index` gives to
    /// `engineer`, as if that order went on (a later roster change does not move it).
    pub fn next_week_of(&self, engineer: &str, index: u32) -> Option<u32> {
        let (order, first) = self.order_at(index);
        let n = order.len() as u32;
        (1..=n)
            .filter_map(|d| index.checked_add(d))
            .find(|&j| order.get(((j - first) % n.max(1)) as usize).is_some_and(|e| e == engineer))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Handoff, Team};
    use chrono::{NaiveTime, TimeZone, Weekday};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn team(zone: Tz, epoch: NaiveDate, h: u32, m: u32) -> ScheduleInputs {
        ScheduleInputs {
            team: Team {
                name: "T".into(),
                time_zone: zone,
                handoff: Handoff { weekday: Weekday::Mon, time: NaiveTime::from_hms_opt(h, m, 0).unwrap() },
                epoch,
                rotation: vec!["alice".into(), "bob".into(), "charlie".into(), "diana".into()],
                calendar: None,
                reminders: vec![],
                fallback_contacts: vec![],
                layers: Default::default(),
            },
            engineers: vec![],
            calendars: vec![],
            leave: vec![],
            decisions: vec![],
            roster_changes: vec![],
            covers: vec![],
            trades: vec![],
            elsewhere: vec![],
        }
    }

    fn ny() -> ScheduleInputs {
        team(chrono_tz::America::New_York, d(2025, 12, 29), 9, 0)
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn week_zero_and_names() {
        let data = ny();
        let r = Rotation::new(&data);
        let w0 = r.week(0);
        assert_eq!(w0.id.to_string(), "2026-W01");
        assert_eq!(w0.start.with_timezone(&Utc), utc("2025-12-29T14:00:00Z"));
        assert_eq!(w0.dates()[0], d(2025, 12, 29));
        assert_eq!(w0.dates()[6], d(2026, 1, 4));
        assert_eq!(r.week(47).id.to_string(), "2026-W48");
        assert_eq!(r.scheduled(47), "diana");
        assert_eq!(r.scheduled(0), "alice");
        assert_eq!(r.scheduled(5), "bob");
    }

    #[test]
    fn dst_lengths_in_new_york() {
        let data = ny();
        let r = Rotation::new(&data);
        let w10 = r.week(r.index_of_week("2026-W10".parse().unwrap()).unwrap());
        assert_eq!(w10.start_date(), d(2026, 3, 2));
        assert_eq!(w10.hours(), 167);
        // Clocks fall back on Sunday 1 Nov 2026, inside the week starting Mon 26 Oct.
        let w44 = r.week(r.index_of_week("2026-W44".parse().unwrap()).unwrap());
        assert_eq!(w44.hours(), 169);
        assert_eq!(r.week(0).hours(), 168);
        for k in 0..60 {
            let w = r.week(k);
            assert_eq!(w.start.time(), NaiveTime::from_hms_opt(9, 0, 0).unwrap());
            assert_eq!(w.end, r.week(k + 1).start);
        }
    }

    #[test]
    fn before_epoch_is_none() {
        let data = ny();
        let r = Rotation::new(&data);
        assert_eq!(r.index_of_week("2025-W52".parse().unwrap()), None);
        assert_eq!(r.index_of_week("2026-W01".parse().unwrap()), Some(0));
        assert_eq!(r.index_at(utc("2025-12-29T13:59:59Z")), None);
        assert_eq!(r.index_at(utc("2025-12-29T14:00:00Z")), Some(0));
        assert_eq!(r.index_at(utc("1970-01-01T00:00:00Z")), None);
        assert_eq!(r.index_of_date(d(2025, 12, 28)), None);
        assert_eq!(r.index_of_date(d(2025, 12, 29)), Some(0));
        assert_eq!(r.index_of_date(d(2026, 1, 4)), Some(0));
        assert_eq!(r.index_of_date(d(2026, 1, 5)), Some(1));
    }

    #[test]
    fn index_at_exact_handoff_boundaries() {
        let data = ny();
        let r = Rotation::new(&data);
        let zone = chrono_tz::America::New_York;
        let at = |y, m, dd, h, mi| zone.with_ymd_and_hms(y, m, dd, h, mi, 0).unwrap().with_timezone(&Utc);
        let id = |i: Option<u32>| r.week(i.unwrap()).id.to_string();
        assert_eq!(id(r.index_at(at(2026, 11, 30, 8, 59))), "2026-W48");
        assert_eq!(id(r.index_at(at(2026, 11, 30, 9, 0))), "2026-W49");
        let last_second = at(2026, 11, 30, 9, 0) - Duration::seconds(1);
        assert_eq!(id(r.index_at(last_second)), "2026-W48");
        // Around the spring-forward and fall-back weeks as well.
        assert_eq!(id(r.index_at(at(2026, 3, 9, 8, 59))), "2026-W10");
        assert_eq!(id(r.index_at(at(2026, 3, 9, 9, 0))), "2026-W11");
        assert_eq!(id(r.index_at(at(2026, 11, 2, 8, 59))), "2026-W44");
        assert_eq!(id(r.index_at(at(2026, 11, 2, 9, 0))), "2026-W45");
        // Far ahead.
        let far = at(2036, 6, 4, 12, 0); // a Wednesday
        assert_eq!(id(r.index_at(far)), WeekId::of(d(2036, 6, 4)).to_string());
    }

    #[test]
    fn handoff_in_a_gap_starts_when_the_clocks_jump() {
        // 02:30 on Sunday 8 March 2026 does not exist in New York.
        let data = team(chrono_tz::America::New_York, d(2026, 3, 1), 2, 30);
        let r = Rotation::new(&data);
        let w = r.week(1);
        assert_eq!(w.start.with_timezone(&Utc), utc("2026-03-08T07:00:00Z"));
        assert_eq!(w.start.naive_local(), d(2026, 3, 8).and_hms_opt(3, 0, 0).unwrap());
        assert_eq!(r.week(0).start.with_timezone(&Utc), utc("2026-03-01T07:30:00Z"));
        assert_eq!(r.week(0).hours(), 167); // 07:30Z → 07:00Z a week later, minus a half hour
        assert_eq!(r.week(0).duration(), Duration::minutes(167 * 60 + 30));
        assert_eq!(r.week(1).duration(), Duration::minutes(167 * 60 + 30));
    }

    #[test]
    fn handoff_in_an_overlap_takes_the_earlier_instant() {
        // 01:30 on Sunday 1 November 2026 happens twice in New York (EDT, then EST).
        let data = team(chrono_tz::America::New_York, d(2026, 10, 25), 1, 30);
        let r = Rotation::new(&data);
        let w = r.week(1);
        assert_eq!(w.start.with_timezone(&Utc), utc("2026-11-01T05:30:00Z"));
        assert_eq!(r.week(0).hours(), 168);
        assert_eq!(r.week(1).hours(), 169);
    }

    #[test]
    fn next_week_of() {
        let data = ny();
        let r = Rotation::new(&data);
        assert_eq!(r.next_week_of("alice", 47), Some(48));
        assert_eq!(r.next_week_of("diana", 47), Some(51));
        assert_eq!(r.next_week_of("nobody", 47), None);
        assert_eq!(r.next_week_of("alice", u32::MAX), None);
    }
}
