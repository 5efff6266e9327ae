pub mod copy_link;
pub mod instant;
pub mod person_link;
pub mod preview_banner;
pub mod rebuild_banner;
pub mod search_box;
pub mod week_picker;
pub mod week_table;
