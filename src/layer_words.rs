//! The words for a layer's role, written once for every page that names one.

use rota::LayerRole;

/// E.g. "secondary": what the layer's person is, after their name or the layer's.
pub fn role_word(role: LayerRole) -> &'static str {
    match role {
        LayerRole::Primary => "primary",
        LayerRole::Secondary => "secondary",
        LayerRole::Shadow => "shadow",
    }
}
