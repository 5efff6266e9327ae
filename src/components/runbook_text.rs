use leptos::prelude::*;

use crate::runbook_text::{blocks, Block, Inline};

/// Runbook text with its paragraphs, verbatim code blocks, inline code and web links.
#[component]
pub fn RunbookText(#[prop(into)] text: String) -> impl IntoView {
    blocks(&text)
        .into_iter()
        .map(|block| match block {
            Block::Paragraph(parts) => view! { <p>{parts.into_iter().map(inline).collect_view()}</p> }.into_any(),
            Block::Code { language, text } => view! {
                <pre class="code" data-language=language><code>{text}</code></pre>
            }
            .into_any(),
        })
        .collect_view()
}

fn inline(part: Inline) -> AnyView {
    match part {
        Inline::Text(text) => text.into_any(),
        Inline::Code(code) => view! { <code>{code}</code> }.into_any(),
        Inline::Link(href) => {
            let text = href.clone();
            view! { <a href=href rel="noopener noreferrer">{text}</a> }.into_any()
        }
    }
}
