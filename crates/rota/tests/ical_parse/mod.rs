//! Reading feeds back as a calendar app would: the `ical` crate's parser, plus the checks of
//! RFC 5545's line rules that a lenient parser would not make. Shared by the feed tests.

pub fn parse(feed: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut cals = ical::IcalParser::new(std::io::BufReader::new(feed.as_bytes()));
    let cal = cals.next().expect("one calendar").expect("feed parses");
    assert!(cals.next().is_none(), "exactly one VCALENDAR");
    cal
}

pub fn prop<'p>(props: &'p [ical::property::Property], name: &str) -> &'p str {
    props.iter().find(|p| p.name == name).and_then(|p| p.value.as_deref()).unwrap_or_else(|| panic!("no {name}"))
}

/// TEXT unescaping (the parser hands values back as written).
pub fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

pub fn check_lines(feed: &str) {
    assert!(feed.ends_with("END:VCALENDAR\r\n"));
    // Every line break is CRLF, and no physical line exceeds 75 octets.
    assert_eq!(feed.matches('\n').count(), feed.matches("\r\n").count(), "bare LF in feed");
    for line in feed.split("\r\n") {
        assert!(line.len() <= 75, "line of {} octets: {line:?}", line.len());
        assert!(!line.contains('\r'));
    }
}
