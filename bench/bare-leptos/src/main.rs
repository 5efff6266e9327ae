//! Page B of the benchmark: the least a Leptos 0.8 + leptos_router app does to show the
//! on-call name (a constant) and step a small schedule table week by week.
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

const NAMES: [&str; 4] = ["Alice", "Bob", "Charlie", "Diana"];

#[component]
fn Now() -> impl IntoView {
    view! {
        <h1>"On call now"</h1>
        <p data-testid="on-call-now">"Alice"</p>
    }
}

#[component]
fn Schedule() -> impl IntoView {
    let (week, set_week) = signal(48u32);
    let rows = move || {
        let first = week.get();
        (first..first + 12)
            .map(|w| {
                let name = NAMES[w as usize % NAMES.len()];
                view! { <tr data-week=w.to_string() data-on-call=name><td>{format!("W{w}")}</td><td>{name}</td></tr> }
            })
            .collect_view()
    };
    view! {
        <h1>"Schedule"</h1>
        <button type="button" on:click=move |_| set_week.update(|w| *w += 1)>"Next week →"</button>
        <table>
            <thead><tr><th>"Week"</th><th>"On call"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
fn App() -> impl IntoView {
    view! {
        <Router>
            <nav><A href="/">"Now"</A>" "<A href="/schedule">"Schedule"</A></nav>
            <main>
                <Routes fallback=|| "Not found">
                    <Route path=path!("/") view=Now />
                    <Route path=path!("/schedule") view=Schedule />
                </Routes>
            </main>
        </Router>
    }
}

fn main() {
    console_error_panic_hook::set_once();
    mount_to_body(App);
}
