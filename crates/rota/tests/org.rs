//! The organisation: one person across teams, leave that is a person's, clashes, swaps refused
//! because the backup is busy for another team, slugs unique across teams. Hand-checked against
//! `examples/org` (see the schedule printed in each test's comment).

mod org_fixture;

use chrono::{TimeZone, Utc};
use org_fixture::OrgFixture;
use rota::check_warnings::org_warnings;
use rota::org::{clashes, ClashSide};
use rota::{Schedule, WeekId};

fn week(id: &str) -> WeekId {
    id.parse().unwrap()
}

/// 2026-12-04, the day these examples were checked by hand.
fn today() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 4, 12, 0, 0).unwrap()
}

#[test]
fn example_org_loads_with_one_person_in_two_teams() {
    let org = OrgFixture::new().load();
    let slugs: Vec<&str> = org.teams.iter().map(|t| t.slug.as_str()).collect();
    assert_eq!(slugs, ["data-engineering", "platform", "payments"]);
    let bob_teams: Vec<&str> = org.teams_of("bob").map(|t| t.slug.as_str()).collect();
    assert_eq!(bob_teams, ["data-engineering", "platform"]);
    // One person, one definition: Platform's team.json gives no name or contacts; both teams
    // have people.json's.
    for team in org.teams_of("bob") {
        let bob = team.data.engineer("bob").unwrap();
        assert_eq!(bob.name, "Bob");
        assert_eq!(bob.contacts.len(), 1);
    }
    assert_eq!(org.team_of_pipeline("warehouse-loader").unwrap().slug, "platform");
}

/// `2027-W05` is Bob's week in Data Engineering and Frank's in Platform, where Bob covers a
/// day (covers.json). In 2032 both teams' holiday swaps give Bob a return week `2032-W26`:
/// Data Engineering's Juneteenth (observed Fri 18 Jun 2032) in Bob's `2032-W25` is covered by
/// Charlie, Bob taking Charlie's next week W26; Platform's Memorial Day (Mon 31 May 2032) in
/// Bob's `2032-W23` is covered by Grace, Bob taking Grace's next week, W26 too.
#[test]
fn clashes_are_every_instant_a_person_holds_two_teams() {
    let org = OrgFixture::new().load();
    let until = Utc.with_ymd_and_hms(2033, 1, 1, 0, 0, 0).unwrap();
    let found: Vec<_> = clashes(&org.schedules(), today(), until)
        .into_iter()
        .map(|c| {
            (
                c.person,
                c.from.to_rfc3339(),
                c.to.to_rfc3339(),
                c.teams.map(|ClashSide { team, week }| format!("{team} {week}")),
            )
        })
        .collect();
    let side = |team: &str, week: &str| format!("{team} {week}");
    assert_eq!(
        found,
        [
            (
                "bob".to_string(),
                "2027-02-03T14:00:00+00:00".to_string(),
                "2027-02-04T14:00:00+00:00".to_string(),
                [side("data-engineering", "2027-W05"), side("platform", "2027-W05")]
            ),
            (
                "bob".to_string(),
                "2032-06-21T13:00:00+00:00".to_string(),
                "2032-06-28T13:00:00+00:00".to_string(),
                [side("data-engineering", "2032-W26"), side("platform", "2032-W26")]
            ),
        ]
    );
    let de = Schedule::new(org.teams[0].data.inputs.clone());
    let reason = de.by_id(week("2032-W25")).unwrap().swap.unwrap().reason;
    assert!(reason.contains("Juneteenth National Independence Day (observed Fri 18 Jun 2032)"), "{reason}");
}

#[test]
fn clashes_are_warnings_naming_both_teams_weeks_and_instants() {
    let fixture = OrgFixture::new();
    let org = fixture.load();
    let warnings: Vec<String> = org_warnings(&fixture.dir, &org, today())
        .iter()
        .map(|w| w.to_string().replace(&format!("{}/", fixture.dir.display()), ""))
        .filter(|w| w.contains("at once"))
        .collect();
    assert_eq!(
        warnings[0],
        "people.json: /1: bob is on call for Data Engineering (2027-W05) and Platform (2027-W05) at once, from 2027-02-03 14:00 UTC to 2027-02-04 14:00 UTC"
    );
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
}

/// Bob covers New Year's Eve for Platform (covers.json), so Data Engineering's holiday swap
/// that would give him Alice's New Year week is refused, as for a backup on leave.
#[test]
fn a_swap_whose_backup_is_on_call_for_another_team_is_a_conflict() {
    let fixture = OrgFixture::new();
    let de = Schedule::new(fixture.load().teams[0].data.inputs.clone());
    let w53 = de.by_id(week("2026-W53")).unwrap();
    assert_eq!(w53.on_call, "alice");
    assert_eq!(w53.conflict.unwrap().reason, "Alice keeps 2026-W53: Bob (backup) is on call for Platform in 2026-W53");

    // Without the cover the swap stands: the conflict came from the other team.
    fixture.set("teams/platform/covers.json", "", serde_json::json!([]));
    let de = Schedule::new(fixture.load().teams[0].data.inputs.clone());
    let w53 = de.by_id(week("2026-W53")).unwrap();
    assert_eq!((w53.on_call.as_str(), w53.conflict), ("bob", None));
}

/// Bob's leave from Sun 21 to Mon 29 Mar 2027, written only in Data Engineering's
/// leave.json, moves his weeks in Platform too. Platform `2027-W11` (Bob's, Mon 15 to Sun 21
/// Mar) goes to Grace, Bob taking Grace's next week W14; Data Engineering `2027-W13` (Bob's,
/// from Mon 29 Mar) goes to Charlie, Bob taking Charlie's next week, also W14: a clash.
#[test]
fn leave_of_a_shared_person_changes_both_teams_weeks() {
    let fixture = OrgFixture::new();
    let on_call = |org: &rota::Organisation, team: usize, id: &str| {
        Schedule::new(org.teams[team].data.inputs.clone()).by_id(week(id)).unwrap().on_call
    };
    let weeks = |org: &rota::Organisation| {
        [
            on_call(org, 0, "2027-W13"),
            on_call(org, 0, "2027-W14"),
            on_call(org, 1, "2027-W11"),
            on_call(org, 1, "2027-W14"),
        ]
    };
    let clash_weeks = |org: &rota::Organisation| {
        let from = Utc.with_ymd_and_hms(2027, 3, 1, 0, 0, 0).unwrap();
        let to = Utc.with_ymd_and_hms(2027, 5, 1, 0, 0, 0).unwrap();
        clashes(&org.schedules(), from, to)
            .into_iter()
            .map(|c| (c.from.to_rfc3339(), c.teams[1].week))
            .collect::<Vec<_>>()
    };
    let before = fixture.load();
    assert_eq!(weeks(&before), ["bob", "charlie", "bob", "grace"]);
    assert_eq!(clash_weeks(&before), []);

    fixture.set(
        "teams/data-engineering/leave.json",
        "",
        serde_json::json!([{ "engineer": "bob", "from": "2027-03-21", "to": "2027-03-29", "note": "Trek" }]),
    );
    let after = fixture.load();
    assert_eq!(weeks(&after), ["charlie", "bob", "grace", "bob"]);
    let platform_w11 = Schedule::new(after.teams[1].data.inputs.clone()).by_id(week("2027-W11")).unwrap();
    assert_eq!(
        platform_w11.swap.unwrap().reason,
        "Bob is on leave (Trek) from Sun 21 Mar 2027 in 2027-W11: Grace (backup) covers 2027-W11 and Bob takes 2027-W14 in return"
    );
    assert_eq!(clash_weeks(&after), [("2027-04-05T13:00:00+00:00".to_string(), week("2027-W14"))]);
}

#[test]
fn the_same_pipeline_slug_in_two_teams_is_rejected() {
    let fixture = OrgFixture::new();
    fixture.set("teams/platform/pipelines.json", "/0/slug", "aggregate-profit".into());
    fixture.set("teams/platform/runbooks.json", "/0/pipeline", "aggregate-profit".into());
    assert_eq!(
        fixture.errors(),
        ["teams/platform/pipelines.json: /0/slug: pipeline slug \"aggregate-profit\" is also a pipeline of team \"data-engineering\" (teams/data-engineering/pipelines.json): pipeline slugs are unique across the organisation"]
    );
}

#[test]
fn one_person_has_one_definition() {
    let fixture = OrgFixture::new();
    fixture.set("teams/platform/team.json", "/engineers/3/name", "Robert".into());
    assert_eq!(
        fixture.errors(),
        ["teams/platform/team.json: /engineers/3/name: the name differs from people.json /1/name for bob: one person, one definition; leave it out here"]
    );
    // The same name again is no second definition.
    fixture.set("teams/platform/team.json", "/engineers/3/name", "Bob".into());
    fixture.load();
    fixture.set("teams/platform/team.json", "/engineers/3/slug", "bobby".into());
    fixture.set("teams/platform/team.json", "/rotation/3", "bobby".into());
    fixture.set("teams/platform/pipelines.json", "/1/secondary", "bobby".into());
    assert_eq!(
        fixture.errors(),
        ["teams/platform/team.json: /engineers/3/slug: bobby is not in the organisation's people.json: define every person there once"]
    );
}

#[test]
fn org_json_names_existing_team_folders() {
    let fixture = OrgFixture::new();
    fixture.set("org.json", "/teams/2", "billing".into());
    assert_eq!(fixture.errors(), ["org.json: /teams/2: there is no folder teams/billing/ for team \"billing\""]);
}

/// Each team's clashes, computed from its own data alone (its schedule and when its people
/// are on call elsewhere) as its pages do, are the organisation's clashes involving it.
#[test]
fn each_teams_clashes_from_its_own_data_are_the_organisations() {
    for org in [OrgFixture::new().load(), rota::load::load_org_dir(&OrgFixture::new().dir).unwrap()] {
        let from = today() - chrono::Duration::weeks(8);
        let until = Utc.with_ymd_and_hms(2033, 1, 1, 0, 0, 0).unwrap();
        let all = clashes(&org.schedules(), from, until);
        assert!(!all.is_empty());
        for (i, team) in org.teams.iter().enumerate() {
            let schedule = Schedule::new(std::sync::Arc::clone(&team.data.inputs));
            let own = rota::org::clashes_elsewhere(i, &team.slug, &schedule, from, until);
            let expected: Vec<_> =
                all.iter().filter(|c| c.teams.iter().any(|side| side.team == team.slug)).cloned().collect();
            assert_eq!(own, expected, "{}", team.slug);
        }
    }
}
