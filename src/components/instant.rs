use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use leptos::prelude::*;

use crate::time_format::{team_time, viewer_time, viewer_zone};

/// An instant in the team's time zone, and in the viewer's when that is different.
#[component]
pub fn Instant(at: DateTime<Tz>) -> impl IntoView {
    let utc = at.with_timezone(&Utc);
    // At build time the reader's zone is unknown: the app adds their time when it mounts.
    let same_zone = cfg!(feature = "ssr") || viewer_zone().as_deref() == Some(at.timezone().name());
    view! {
        <span class="instant">
            <time datetime=at.to_rfc3339()>{team_time(at)}</time>
            {(!same_zone).then(|| view! { <span class="local">" · your time: "{viewer_time(utc)}</span> })}
        </span>
    }
}
